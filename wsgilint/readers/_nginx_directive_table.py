"""Written by tools/gen_nginx_tables.py from crossplane's ``analyzer`` and Lua extension and
from ``nginx_extra_directives.json``; do not edit (run ``python tools/gen_nginx_tables.py``
after changing the JSON or crossplane). DIRECTIVES: crossplane's masks (nginx's argument and
context flags) of each directive; CONTEXTS: each block context's flag; LUA_BLOCKS: the
directives whose block crossplane's Lua extension reads as one word; EXTRA_DIRECTIVES: the
JSON's names. The names are words of one string, split when loaded: 2 100 string constants
cost twice as much to unmarshal."""
# Over 400 lines on purpose: it is generated, one line per entry.
# ruff: noqa

_NAMES = """
absolute_redirect
accept_mutex
accept_mutex_delay
access_log
add_after_body
add_before_body
add_header
add_trailer
addition_types
aio
aio_write
alias
allow
ancient_browser
ancient_browser_value
auth_basic
auth_basic_user_file
auth_http
auth_http_header
auth_http_pass_client_cert
auth_http_timeout
auth_request
auth_request_set
autoindex
autoindex_exact_size
autoindex_format
autoindex_localtime
break
charset
charset_map
charset_types
chunked_transfer_encoding
client_body_buffer_size
client_body_in_file_only
client_body_in_single_buffer
client_body_temp_path
client_body_timeout
client_header_buffer_size
client_header_timeout
client_max_body_size
connection_pool_size
create_full_put_path
daemon
dav_access
dav_methods
debug_connection
debug_points
default_type
deny
directio
directio_alignment
disable_symlinks
empty_gif
env
error_log
error_page
etag
events
expires
fastcgi_bind
fastcgi_buffer_size
fastcgi_buffering
fastcgi_buffers
fastcgi_busy_buffers_size
fastcgi_cache
fastcgi_cache_background_update
fastcgi_cache_bypass
fastcgi_cache_key
fastcgi_cache_lock
fastcgi_cache_lock_age
fastcgi_cache_lock_timeout
fastcgi_cache_max_range_offset
fastcgi_cache_methods
fastcgi_cache_min_uses
fastcgi_cache_path
fastcgi_cache_revalidate
fastcgi_cache_use_stale
fastcgi_cache_valid
fastcgi_catch_stderr
fastcgi_connect_timeout
fastcgi_force_ranges
fastcgi_hide_header
fastcgi_ignore_client_abort
fastcgi_ignore_headers
fastcgi_index
fastcgi_intercept_errors
fastcgi_keep_conn
fastcgi_limit_rate
fastcgi_max_temp_file_size
fastcgi_next_upstream
fastcgi_next_upstream_timeout
fastcgi_next_upstream_tries
fastcgi_no_cache
fastcgi_param
fastcgi_pass
fastcgi_pass_header
fastcgi_pass_request_body
fastcgi_pass_request_headers
fastcgi_read_timeout
fastcgi_request_buffering
fastcgi_send_lowat
fastcgi_send_timeout
fastcgi_socket_keepalive
fastcgi_split_path_info
fastcgi_store
fastcgi_store_access
fastcgi_temp_file_write_size
fastcgi_temp_path
flv
geo
geoip_city
geoip_country
geoip_org
geoip_proxy
geoip_proxy_recursive
google_perftools_profiles
grpc_bind
grpc_buffer_size
grpc_connect_timeout
grpc_hide_header
grpc_ignore_headers
grpc_intercept_errors
grpc_next_upstream
grpc_next_upstream_timeout
grpc_next_upstream_tries
grpc_pass
grpc_pass_header
grpc_read_timeout
grpc_send_timeout
grpc_set_header
grpc_socket_keepalive
grpc_ssl_certificate
grpc_ssl_certificate_key
grpc_ssl_ciphers
grpc_ssl_crl
grpc_ssl_name
grpc_ssl_password_file
grpc_ssl_protocols
grpc_ssl_server_name
grpc_ssl_session_reuse
grpc_ssl_trusted_certificate
grpc_ssl_verify
grpc_ssl_verify_depth
gunzip
gunzip_buffers
gzip
gzip_buffers
gzip_comp_level
gzip_disable
gzip_http_version
gzip_min_length
gzip_proxied
gzip_static
gzip_types
gzip_vary
hash
http
http2_body_preread_size
http2_chunk_size
http2_idle_timeout
http2_max_concurrent_pushes
http2_max_concurrent_streams
http2_max_field_size
http2_max_header_size
http2_max_requests
http2_push
http2_push_preload
http2_recv_buffer_size
http2_recv_timeout
if
if_modified_since
ignore_invalid_headers
image_filter
image_filter_buffer
image_filter_interlace
image_filter_jpeg_quality
image_filter_sharpen
image_filter_transparency
image_filter_webp_quality
imap_auth
imap_capabilities
imap_client_buffer
include
index
internal
ip_hash
keepalive
keepalive_disable
keepalive_requests
keepalive_timeout
large_client_header_buffers
least_conn
limit_conn
limit_conn_dry_run
limit_conn_log_level
limit_conn_status
limit_conn_zone
limit_except
limit_rate
limit_rate_after
limit_req
limit_req_dry_run
limit_req_log_level
limit_req_status
limit_req_zone
lingering_close
lingering_time
lingering_timeout
listen
load_module
location
lock_file
log_format
log_not_found
log_subrequest
mail
map
map_hash_bucket_size
map_hash_max_size
master_process
max_ranges
memcached_bind
memcached_buffer_size
memcached_connect_timeout
memcached_gzip_flag
memcached_next_upstream
memcached_next_upstream_timeout
memcached_next_upstream_tries
memcached_pass
memcached_read_timeout
memcached_send_timeout
memcached_socket_keepalive
merge_slashes
min_delete_depth
mirror
mirror_request_body
modern_browser
modern_browser_value
mp4
mp4_buffer_size
mp4_max_buffer_size
msie_padding
msie_refresh
multi_accept
open_file_cache
open_file_cache_errors
open_file_cache_min_uses
open_file_cache_valid
open_log_file_cache
output_buffers
override_charset
pcre_jit
perl
perl_modules
perl_require
perl_set
pid
pop3_auth
pop3_capabilities
port_in_redirect
postpone_output
preread_buffer_size
preread_timeout
protocol
proxy_bind
proxy_buffer
proxy_buffer_size
proxy_buffering
proxy_buffers
proxy_busy_buffers_size
proxy_cache
proxy_cache_background_update
proxy_cache_bypass
proxy_cache_convert_head
proxy_cache_key
proxy_cache_lock
proxy_cache_lock_age
proxy_cache_lock_timeout
proxy_cache_max_range_offset
proxy_cache_methods
proxy_cache_min_uses
proxy_cache_path
proxy_cache_revalidate
proxy_cache_use_stale
proxy_cache_valid
proxy_connect_timeout
proxy_cookie_domain
proxy_cookie_path
proxy_download_rate
proxy_force_ranges
proxy_headers_hash_bucket_size
proxy_headers_hash_max_size
proxy_hide_header
proxy_http_version
proxy_ignore_client_abort
proxy_ignore_headers
proxy_intercept_errors
proxy_limit_rate
proxy_max_temp_file_size
proxy_method
proxy_next_upstream
proxy_next_upstream_timeout
proxy_next_upstream_tries
proxy_no_cache
proxy_pass
proxy_pass_error_message
proxy_pass_header
proxy_pass_request_body
proxy_pass_request_headers
proxy_protocol
proxy_protocol_timeout
proxy_read_timeout
proxy_redirect
proxy_request_buffering
proxy_requests
proxy_responses
proxy_send_lowat
proxy_send_timeout
proxy_set_body
proxy_set_header
proxy_socket_keepalive
proxy_ssl
proxy_ssl_certificate
proxy_ssl_certificate_key
proxy_ssl_ciphers
proxy_ssl_crl
proxy_ssl_name
proxy_ssl_password_file
proxy_ssl_protocols
proxy_ssl_server_name
proxy_ssl_session_reuse
proxy_ssl_trusted_certificate
proxy_ssl_verify
proxy_ssl_verify_depth
proxy_store
proxy_store_access
proxy_temp_file_write_size
proxy_temp_path
proxy_timeout
proxy_upload_rate
random
random_index
read_ahead
real_ip_header
real_ip_recursive
recursive_error_pages
referer_hash_bucket_size
referer_hash_max_size
request_pool_size
reset_timedout_connection
resolver
resolver_timeout
return
rewrite
rewrite_log
root
satisfy
scgi_bind
scgi_buffer_size
scgi_buffering
scgi_buffers
scgi_busy_buffers_size
scgi_cache
scgi_cache_background_update
scgi_cache_bypass
scgi_cache_key
scgi_cache_lock
scgi_cache_lock_age
scgi_cache_lock_timeout
scgi_cache_max_range_offset
scgi_cache_methods
scgi_cache_min_uses
scgi_cache_path
scgi_cache_revalidate
scgi_cache_use_stale
scgi_cache_valid
scgi_connect_timeout
scgi_force_ranges
scgi_hide_header
scgi_ignore_client_abort
scgi_ignore_headers
scgi_intercept_errors
scgi_limit_rate
scgi_max_temp_file_size
scgi_next_upstream
scgi_next_upstream_timeout
scgi_next_upstream_tries
scgi_no_cache
scgi_param
scgi_pass
scgi_pass_header
scgi_pass_request_body
scgi_pass_request_headers
scgi_read_timeout
scgi_request_buffering
scgi_send_timeout
scgi_socket_keepalive
scgi_store
scgi_store_access
scgi_temp_file_write_size
scgi_temp_path
secure_link
secure_link_md5
secure_link_secret
send_lowat
send_timeout
sendfile
sendfile_max_chunk
server
server_name
server_name_in_redirect
server_names_hash_bucket_size
server_names_hash_max_size
server_tokens
set
set_real_ip_from
slice
smtp_auth
smtp_capabilities
smtp_client_buffer
smtp_greeting_delay
source_charset
spdy_chunk_size
spdy_headers_comp
split_clients
ssi
ssi_last_modified
ssi_min_file_chunk
ssi_silent_errors
ssi_types
ssi_value_length
ssl
ssl_buffer_size
ssl_certificate
ssl_certificate_key
ssl_ciphers
ssl_client_certificate
ssl_crl
ssl_dhparam
ssl_early_data
ssl_ecdh_curve
ssl_engine
ssl_handshake_timeout
ssl_password_file
ssl_prefer_server_ciphers
ssl_preread
ssl_protocols
ssl_session_cache
ssl_session_ticket_key
ssl_session_tickets
ssl_session_timeout
ssl_stapling
ssl_stapling_file
ssl_stapling_responder
ssl_stapling_verify
ssl_trusted_certificate
ssl_verify_client
ssl_verify_depth
starttls
stream
stub_status
sub_filter
sub_filter_last_modified
sub_filter_once
sub_filter_types
subrequest_output_buffer_size
tcp_nodelay
tcp_nopush
thread_pool
timeout
timer_resolution
try_files
types
types_hash_bucket_size
types_hash_max_size
underscores_in_headers
uninitialized_variable_warn
upstream
use
user
userid
userid_domain
userid_expires
userid_mark
userid_name
userid_p3p
userid_path
userid_service
uwsgi_bind
uwsgi_buffer_size
uwsgi_buffering
uwsgi_buffers
uwsgi_busy_buffers_size
uwsgi_cache
uwsgi_cache_background_update
uwsgi_cache_bypass
uwsgi_cache_key
uwsgi_cache_lock
uwsgi_cache_lock_age
uwsgi_cache_lock_timeout
uwsgi_cache_max_range_offset
uwsgi_cache_methods
uwsgi_cache_min_uses
uwsgi_cache_path
uwsgi_cache_revalidate
uwsgi_cache_use_stale
uwsgi_cache_valid
uwsgi_connect_timeout
uwsgi_force_ranges
uwsgi_hide_header
uwsgi_ignore_client_abort
uwsgi_ignore_headers
uwsgi_intercept_errors
uwsgi_limit_rate
uwsgi_max_temp_file_size
uwsgi_modifier1
uwsgi_modifier2
uwsgi_next_upstream
uwsgi_next_upstream_timeout
uwsgi_next_upstream_tries
uwsgi_no_cache
uwsgi_param
uwsgi_pass
uwsgi_pass_header
uwsgi_pass_request_body
uwsgi_pass_request_headers
uwsgi_read_timeout
uwsgi_request_buffering
uwsgi_send_timeout
uwsgi_socket_keepalive
uwsgi_ssl_certificate
uwsgi_ssl_certificate_key
uwsgi_ssl_ciphers
uwsgi_ssl_crl
uwsgi_ssl_name
uwsgi_ssl_password_file
uwsgi_ssl_protocols
uwsgi_ssl_server_name
uwsgi_ssl_session_reuse
uwsgi_ssl_trusted_certificate
uwsgi_ssl_verify
uwsgi_ssl_verify_depth
uwsgi_store
uwsgi_store_access
uwsgi_temp_file_write_size
uwsgi_temp_path
valid_referers
variables_hash_bucket_size
variables_hash_max_size
worker_aio_requests
worker_connections
worker_cpu_affinity
worker_priority
worker_processes
worker_rlimit_core
worker_rlimit_nofile
worker_shutdown_timeout
working_directory
xclient
xml_entities
xslt_last_modified
xslt_param
xslt_string_param
xslt_stylesheet
xslt_types
zone
api
auth_jwt
auth_jwt_claim_set
auth_jwt_header_set
auth_jwt_key_file
auth_jwt_key_request
auth_jwt_leeway
f4f
f4f_buffer_size
fastcgi_cache_purge
health_check
health_check_timeout
hls
hls_buffers
hls_forward_args
hls_fragment
hls_mp4_buffer_size
hls_mp4_max_buffer_size
js_access
js_content
js_filter
js_include
js_path
js_preread
js_set
keyval
keyval_zone
least_time
limit_zone
match
memcached_force_ranges
mp4_limit_rate
mp4_limit_rate_after
ntlm
proxy_cache_purge
queue
scgi_cache_purge
session_log
session_log_format
session_log_zone
state
status
status_format
status_zone
sticky
sticky_cookie_insert
upstream_conf
uwsgi_cache_purge
zone_sync
zone_sync_buffers
zone_sync_connect_retry_interval
zone_sync_connect_timeout
zone_sync_interval
zone_sync_recv_buffer_size
zone_sync_server
zone_sync_ssl
zone_sync_ssl_certificate
zone_sync_ssl_certificate_key
zone_sync_ssl_ciphers
zone_sync_ssl_crl
zone_sync_ssl_name
zone_sync_ssl_password_file
zone_sync_ssl_protocols
zone_sync_ssl_server_name
zone_sync_ssl_trusted_certificate
zone_sync_ssl_verify
zone_sync_ssl_verify_depth
zone_sync_timeout
""".split()

_MASKS = (
    (0x0e000200,),   # absolute_redirect
    (0x00080200,),   # accept_mutex
    (0x00080002,),   # accept_mutex_delay
    (0xce000800, 0x00c00800,),   # access_log
    (0x0e000002,),   # add_after_body
    (0x0e000002,),   # add_before_body
    (0x4e00000c,),   # add_header
    (0x4e00000c,),   # add_trailer
    (0x0e000800,),   # addition_types
    (0x0e000002,),   # aio
    (0x0e000200,),   # aio_write
    (0x08000002,),   # alias
    (0x8e000002, 0x00c00002,),   # allow
    (0x0e000800,),   # ancient_browser
    (0x0e000002,),   # ancient_browser_value
    (0x8e000002,),   # auth_basic
    (0x8e000002,),   # auth_basic_user_file
    (0x00300002,),   # auth_http
    (0x00300004,),   # auth_http_header
    (0x00300200,),   # auth_http_pass_client_cert
    (0x00300002,),   # auth_http_timeout
    (0x0e000002,),   # auth_request
    (0x0e000004,),   # auth_request_set
    (0x0e000200,),   # autoindex
    (0x0e000200,),   # autoindex_exact_size
    (0x0e000002,),   # autoindex_format
    (0x0e000200,),   # autoindex_localtime
    (0x6c000001,),   # break
    (0x4e000002,),   # charset
    (0x02000104,),   # charset_map
    (0x0e000800,),   # charset_types
    (0x0e000200,),   # chunked_transfer_encoding
    (0x0e000002,),   # client_body_buffer_size
    (0x0e000002,),   # client_body_in_file_only
    (0x0e000200,),   # client_body_in_single_buffer
    (0x0e00001e,),   # client_body_temp_path
    (0x0e000002,),   # client_body_timeout
    (0x06000002,),   # client_header_buffer_size
    (0x06000002,),   # client_header_timeout
    (0x0e000002,),   # client_max_body_size
    (0x06000002,),   # connection_pool_size
    (0x0e000200,),   # create_full_put_path
    (0x00050200,),   # daemon
    (0x0e00000e,),   # dav_access
    (0x0e000800,),   # dav_methods
    (0x00080002,),   # debug_connection
    (0x00050002,),   # debug_points
    (0x0e000002,),   # default_type
    (0x8e000002, 0x00c00002,),   # deny
    (0x0e000002,),   # directio
    (0x0e000002,),   # directio_alignment
    (0x0e000006,),   # disable_symlinks
    (0x08000001,),   # empty_gif
    (0x00050002,),   # env
    (0x00040800, 0x0e000800, 0x00300800, 0x00c00800,),   # error_log
    (0x4e001000,),   # error_page
    (0x0e000200,),   # etag
    (0x00040101,),   # events
    (0x4e000006,),   # expires
    (0x0e000006,),   # fastcgi_bind
    (0x0e000002,),   # fastcgi_buffer_size
    (0x0e000200,),   # fastcgi_buffering
    (0x0e000004,),   # fastcgi_buffers
    (0x0e000002,),   # fastcgi_busy_buffers_size
    (0x0e000002,),   # fastcgi_cache
    (0x0e000200,),   # fastcgi_cache_background_update
    (0x0e000800,),   # fastcgi_cache_bypass
    (0x0e000002,),   # fastcgi_cache_key
    (0x0e000200,),   # fastcgi_cache_lock
    (0x0e000002,),   # fastcgi_cache_lock_age
    (0x0e000002,),   # fastcgi_cache_lock_timeout
    (0x0e000002,),   # fastcgi_cache_max_range_offset
    (0x0e000800,),   # fastcgi_cache_methods
    (0x0e000002,),   # fastcgi_cache_min_uses
    (0x02001000,),   # fastcgi_cache_path
    (0x0e000200,),   # fastcgi_cache_revalidate
    (0x0e000800,),   # fastcgi_cache_use_stale
    (0x0e000800,),   # fastcgi_cache_valid
    (0x0e000002,),   # fastcgi_catch_stderr
    (0x0e000002,),   # fastcgi_connect_timeout
    (0x0e000200,),   # fastcgi_force_ranges
    (0x0e000002,),   # fastcgi_hide_header
    (0x0e000200,),   # fastcgi_ignore_client_abort
    (0x0e000800,),   # fastcgi_ignore_headers
    (0x0e000002,),   # fastcgi_index
    (0x0e000200,),   # fastcgi_intercept_errors
    (0x0e000200,),   # fastcgi_keep_conn
    (0x0e000002,),   # fastcgi_limit_rate
    (0x0e000002,),   # fastcgi_max_temp_file_size
    (0x0e000800,),   # fastcgi_next_upstream
    (0x0e000002,),   # fastcgi_next_upstream_timeout
    (0x0e000002,),   # fastcgi_next_upstream_tries
    (0x0e000800,),   # fastcgi_no_cache
    (0x0e00000c,),   # fastcgi_param
    (0x48000002,),   # fastcgi_pass
    (0x0e000002,),   # fastcgi_pass_header
    (0x0e000200,),   # fastcgi_pass_request_body
    (0x0e000200,),   # fastcgi_pass_request_headers
    (0x0e000002,),   # fastcgi_read_timeout
    (0x0e000200,),   # fastcgi_request_buffering
    (0x0e000002,),   # fastcgi_send_lowat
    (0x0e000002,),   # fastcgi_send_timeout
    (0x0e000200,),   # fastcgi_socket_keepalive
    (0x0e000002,),   # fastcgi_split_path_info
    (0x0e000002,),   # fastcgi_store
    (0x0e00000e,),   # fastcgi_store_access
    (0x0e000002,),   # fastcgi_temp_file_write_size
    (0x0e00001e,),   # fastcgi_temp_path
    (0x08000001,),   # flv
    (0x02000106, 0x00400106,),   # geo
    (0x02000006, 0x00400006,),   # geoip_city
    (0x02000006, 0x00400006,),   # geoip_country
    (0x02000006, 0x00400006,),   # geoip_org
    (0x02000002,),   # geoip_proxy
    (0x02000200,),   # geoip_proxy_recursive
    (0x00050002,),   # google_perftools_profiles
    (0x0e000006,),   # grpc_bind
    (0x0e000002,),   # grpc_buffer_size
    (0x0e000002,),   # grpc_connect_timeout
    (0x0e000002,),   # grpc_hide_header
    (0x0e000800,),   # grpc_ignore_headers
    (0x0e000200,),   # grpc_intercept_errors
    (0x0e000800,),   # grpc_next_upstream
    (0x0e000002,),   # grpc_next_upstream_timeout
    (0x0e000002,),   # grpc_next_upstream_tries
    (0x48000002,),   # grpc_pass
    (0x0e000002,),   # grpc_pass_header
    (0x0e000002,),   # grpc_read_timeout
    (0x0e000002,),   # grpc_send_timeout
    (0x0e000004,),   # grpc_set_header
    (0x0e000200,),   # grpc_socket_keepalive
    (0x0e000002,),   # grpc_ssl_certificate
    (0x0e000002,),   # grpc_ssl_certificate_key
    (0x0e000002,),   # grpc_ssl_ciphers
    (0x0e000002,),   # grpc_ssl_crl
    (0x0e000002,),   # grpc_ssl_name
    (0x0e000002,),   # grpc_ssl_password_file
    (0x0e000800,),   # grpc_ssl_protocols
    (0x0e000200,),   # grpc_ssl_server_name
    (0x0e000200,),   # grpc_ssl_session_reuse
    (0x0e000002,),   # grpc_ssl_trusted_certificate
    (0x0e000200,),   # grpc_ssl_verify
    (0x0e000002,),   # grpc_ssl_verify_depth
    (0x0e000200,),   # gunzip
    (0x0e000004,),   # gunzip_buffers
    (0x4e000200,),   # gzip
    (0x0e000004,),   # gzip_buffers
    (0x0e000002,),   # gzip_comp_level
    (0x0e000800,),   # gzip_disable
    (0x0e000002,),   # gzip_http_version
    (0x0e000002,),   # gzip_min_length
    (0x0e000800,),   # gzip_proxied
    (0x0e000002,),   # gzip_static
    (0x0e000800,),   # gzip_types
    (0x0e000200,),   # gzip_vary
    (0x10000006, 0x01000006,),   # hash
    (0x00040101,),   # http
    (0x06000002,),   # http2_body_preread_size
    (0x0e000002,),   # http2_chunk_size
    (0x06000002,),   # http2_idle_timeout
    (0x06000002,),   # http2_max_concurrent_pushes
    (0x06000002,),   # http2_max_concurrent_streams
    (0x06000002,),   # http2_max_field_size
    (0x06000002,),   # http2_max_header_size
    (0x06000002,),   # http2_max_requests
    (0x0e000002,),   # http2_push
    (0x0e000200,),   # http2_push_preload
    (0x02000002,),   # http2_recv_buffer_size
    (0x06000002,),   # http2_recv_timeout
    (0x0c000900,),   # if
    (0x0e000002,),   # if_modified_since
    (0x06000200,),   # ignore_invalid_headers
    (0x0800000e,),   # image_filter
    (0x0e000002,),   # image_filter_buffer
    (0x0e000200,),   # image_filter_interlace
    (0x0e000002,),   # image_filter_jpeg_quality
    (0x0e000002,),   # image_filter_sharpen
    (0x0e000200,),   # image_filter_transparency
    (0x0e000002,),   # image_filter_webp_quality
    (0x00300800,),   # imap_auth
    (0x00300800,),   # imap_capabilities
    (0x00300002,),   # imap_client_buffer
    (0x1ffc0002,),   # include
    (0x0e000800,),   # index
    (0x08000001,),   # internal
    (0x10000001,),   # ip_hash
    (0x10000002,),   # keepalive
    (0x0e000006,),   # keepalive_disable
    (0x0e000002, 0x10000002,),   # keepalive_requests
    (0x0e000006, 0x10000002,),   # keepalive_timeout
    (0x06000004,),   # large_client_header_buffers
    (0x10000001, 0x01000001,),   # least_conn
    (0x0e000004, 0x00c00004,),   # limit_conn
    (0x0e000002, 0x00c00002,),   # limit_conn_dry_run
    (0x0e000002, 0x00c00002,),   # limit_conn_log_level
    (0x0e000002,),   # limit_conn_status
    (0x02000004, 0x00400004,),   # limit_conn_zone
    (0x08000900,),   # limit_except
    (0x4e000002,),   # limit_rate
    (0x4e000002,),   # limit_rate_after
    (0x0e00000e,),   # limit_req
    (0x0e000002,),   # limit_req_dry_run
    (0x0e000002,),   # limit_req_log_level
    (0x0e000002,),   # limit_req_status
    (0x02000018,),   # limit_req_zone
    (0x0e000002,),   # lingering_close
    (0x0e000002,),   # lingering_time
    (0x0e000002,),   # lingering_timeout
    (0x04000800, 0x00200800, 0x00800800,),   # listen
    (0x00050002,),   # load_module
    (0x0c000106,),   # location
    (0x00050002,),   # lock_file
    (0x02001000, 0x00401000,),   # log_format
    (0x0e000200,),   # log_not_found
    (0x0e000200,),   # log_subrequest
    (0x00040101,),   # mail
    (0x02000104, 0x00400104,),   # map
    (0x02000002, 0x00400002,),   # map_hash_bucket_size
    (0x02000002, 0x00400002,),   # map_hash_max_size
    (0x00050200,),   # master_process
    (0x0e000002,),   # max_ranges
    (0x0e000006,),   # memcached_bind
    (0x0e000002,),   # memcached_buffer_size
    (0x0e000002,),   # memcached_connect_timeout
    (0x0e000002,),   # memcached_gzip_flag
    (0x0e000800,),   # memcached_next_upstream
    (0x0e000002,),   # memcached_next_upstream_timeout
    (0x0e000002,),   # memcached_next_upstream_tries
    (0x48000002,),   # memcached_pass
    (0x0e000002,),   # memcached_read_timeout
    (0x0e000002,),   # memcached_send_timeout
    (0x0e000200,),   # memcached_socket_keepalive
    (0x06000200,),   # merge_slashes
    (0x0e000002,),   # min_delete_depth
    (0x0e000002,),   # mirror
    (0x0e000200,),   # mirror_request_body
    (0x0e000006,),   # modern_browser
    (0x0e000002,),   # modern_browser_value
    (0x08000001,),   # mp4
    (0x0e000002,),   # mp4_buffer_size
    (0x0e000002,),   # mp4_max_buffer_size
    (0x0e000200,),   # msie_padding
    (0x0e000200,),   # msie_refresh
    (0x00080200,),   # multi_accept
    (0x0e000006,),   # open_file_cache
    (0x0e000200,),   # open_file_cache_errors
    (0x0e000002,),   # open_file_cache_min_uses
    (0x0e000002,),   # open_file_cache_valid
    (0x0e00001e, 0x00c0001e,),   # open_log_file_cache
    (0x0e000004,),   # output_buffers
    (0x4e000200,),   # override_charset
    (0x00050200,),   # pcre_jit
    (0x88000002,),   # perl
    (0x02000002,),   # perl_modules
    (0x02000002,),   # perl_require
    (0x02000004,),   # perl_set
    (0x00050002,),   # pid
    (0x00300800,),   # pop3_auth
    (0x00300800,),   # pop3_capabilities
    (0x0e000200,),   # port_in_redirect
    (0x0e000002,),   # postpone_output
    (0x00c00002,),   # preread_buffer_size
    (0x00c00002,),   # preread_timeout
    (0x00200002,),   # protocol
    (0x0e000006, 0x00c00006,),   # proxy_bind
    (0x00300002,),   # proxy_buffer
    (0x0e000002, 0x00c00002,),   # proxy_buffer_size
    (0x0e000200,),   # proxy_buffering
    (0x0e000004,),   # proxy_buffers
    (0x0e000002,),   # proxy_busy_buffers_size
    (0x0e000002,),   # proxy_cache
    (0x0e000200,),   # proxy_cache_background_update
    (0x0e000800,),   # proxy_cache_bypass
    (0x0e000200,),   # proxy_cache_convert_head
    (0x0e000002,),   # proxy_cache_key
    (0x0e000200,),   # proxy_cache_lock
    (0x0e000002,),   # proxy_cache_lock_age
    (0x0e000002,),   # proxy_cache_lock_timeout
    (0x0e000002,),   # proxy_cache_max_range_offset
    (0x0e000800,),   # proxy_cache_methods
    (0x0e000002,),   # proxy_cache_min_uses
    (0x02001000,),   # proxy_cache_path
    (0x0e000200,),   # proxy_cache_revalidate
    (0x0e000800,),   # proxy_cache_use_stale
    (0x0e000800,),   # proxy_cache_valid
    (0x0e000002, 0x00c00002,),   # proxy_connect_timeout
    (0x0e000006,),   # proxy_cookie_domain
    (0x0e000006,),   # proxy_cookie_path
    (0x00c00002,),   # proxy_download_rate
    (0x0e000200,),   # proxy_force_ranges
    (0x0e000002,),   # proxy_headers_hash_bucket_size
    (0x0e000002,),   # proxy_headers_hash_max_size
    (0x0e000002,),   # proxy_hide_header
    (0x0e000002,),   # proxy_http_version
    (0x0e000200,),   # proxy_ignore_client_abort
    (0x0e000800,),   # proxy_ignore_headers
    (0x0e000200,),   # proxy_intercept_errors
    (0x0e000002,),   # proxy_limit_rate
    (0x0e000002,),   # proxy_max_temp_file_size
    (0x0e000002,),   # proxy_method
    (0x0e000800, 0x00c00200,),   # proxy_next_upstream
    (0x0e000002, 0x00c00002,),   # proxy_next_upstream_timeout
    (0x0e000002, 0x00c00002,),   # proxy_next_upstream_tries
    (0x0e000800,),   # proxy_no_cache
    (0xc8000002, 0x00800002,),   # proxy_pass
    (0x00300200,),   # proxy_pass_error_message
    (0x0e000002,),   # proxy_pass_header
    (0x0e000200,),   # proxy_pass_request_body
    (0x0e000200,),   # proxy_pass_request_headers
    (0x00c00200,),   # proxy_protocol
    (0x00c00002,),   # proxy_protocol_timeout
    (0x0e000002,),   # proxy_read_timeout
    (0x0e000006,),   # proxy_redirect
    (0x0e000200,),   # proxy_request_buffering
    (0x00c00002,),   # proxy_requests
    (0x00c00002,),   # proxy_responses
    (0x0e000002,),   # proxy_send_lowat
    (0x0e000002,),   # proxy_send_timeout
    (0x0e000002,),   # proxy_set_body
    (0x0e000004,),   # proxy_set_header
    (0x0e000200, 0x00c00200,),   # proxy_socket_keepalive
    (0x00c00200,),   # proxy_ssl
    (0x0e000002, 0x00c00002,),   # proxy_ssl_certificate
    (0x0e000002, 0x00c00002,),   # proxy_ssl_certificate_key
    (0x0e000002, 0x00c00002,),   # proxy_ssl_ciphers
    (0x0e000002, 0x00c00002,),   # proxy_ssl_crl
    (0x0e000002, 0x00c00002,),   # proxy_ssl_name
    (0x0e000002, 0x00c00002,),   # proxy_ssl_password_file
    (0x0e000800, 0x00c00800,),   # proxy_ssl_protocols
    (0x0e000200, 0x00c00200,),   # proxy_ssl_server_name
    (0x0e000200, 0x00c00200,),   # proxy_ssl_session_reuse
    (0x0e000002, 0x00c00002,),   # proxy_ssl_trusted_certificate
    (0x0e000200, 0x00c00200,),   # proxy_ssl_verify
    (0x0e000002, 0x00c00002,),   # proxy_ssl_verify_depth
    (0x0e000002,),   # proxy_store
    (0x0e00000e,),   # proxy_store_access
    (0x0e000002,),   # proxy_temp_file_write_size
    (0x0e00001e,),   # proxy_temp_path
    (0x00300002, 0x00c00002,),   # proxy_timeout
    (0x00c00002,),   # proxy_upload_rate
    (0x10000007, 0x01000007,),   # random
    (0x08000200,),   # random_index
    (0x0e000002,),   # read_ahead
    (0x0e000002,),   # real_ip_header
    (0x0e000200,),   # real_ip_recursive
    (0x0e000200,),   # recursive_error_pages
    (0x0c000002,),   # referer_hash_bucket_size
    (0x0c000002,),   # referer_hash_max_size
    (0x06000002,),   # request_pool_size
    (0x0e000200,),   # reset_timedout_connection
    (0x0e000800, 0x10000800, 0x00300800, 0x00c00800,),   # resolver
    (0x0e000002, 0x00300002, 0x00c00002,),   # resolver_timeout
    (0x6c000006, 0x00800002,),   # return
    (0x6c00000c,),   # rewrite
    (0x6e000200,),   # rewrite_log
    (0x4e000002,),   # root
    (0x0e000002,),   # satisfy
    (0x0e000006,),   # scgi_bind
    (0x0e000002,),   # scgi_buffer_size
    (0x0e000200,),   # scgi_buffering
    (0x0e000004,),   # scgi_buffers
    (0x0e000002,),   # scgi_busy_buffers_size
    (0x0e000002,),   # scgi_cache
    (0x0e000200,),   # scgi_cache_background_update
    (0x0e000800,),   # scgi_cache_bypass
    (0x0e000002,),   # scgi_cache_key
    (0x0e000200,),   # scgi_cache_lock
    (0x0e000002,),   # scgi_cache_lock_age
    (0x0e000002,),   # scgi_cache_lock_timeout
    (0x0e000002,),   # scgi_cache_max_range_offset
    (0x0e000800,),   # scgi_cache_methods
    (0x0e000002,),   # scgi_cache_min_uses
    (0x02001000,),   # scgi_cache_path
    (0x0e000200,),   # scgi_cache_revalidate
    (0x0e000800,),   # scgi_cache_use_stale
    (0x0e000800,),   # scgi_cache_valid
    (0x0e000002,),   # scgi_connect_timeout
    (0x0e000200,),   # scgi_force_ranges
    (0x0e000002,),   # scgi_hide_header
    (0x0e000200,),   # scgi_ignore_client_abort
    (0x0e000800,),   # scgi_ignore_headers
    (0x0e000200,),   # scgi_intercept_errors
    (0x0e000002,),   # scgi_limit_rate
    (0x0e000002,),   # scgi_max_temp_file_size
    (0x0e000800,),   # scgi_next_upstream
    (0x0e000002,),   # scgi_next_upstream_timeout
    (0x0e000002,),   # scgi_next_upstream_tries
    (0x0e000800,),   # scgi_no_cache
    (0x0e00000c,),   # scgi_param
    (0x48000002,),   # scgi_pass
    (0x0e000002,),   # scgi_pass_header
    (0x0e000200,),   # scgi_pass_request_body
    (0x0e000200,),   # scgi_pass_request_headers
    (0x0e000002,),   # scgi_read_timeout
    (0x0e000200,),   # scgi_request_buffering
    (0x0e000002,),   # scgi_send_timeout
    (0x0e000200,),   # scgi_socket_keepalive
    (0x0e000002,),   # scgi_store
    (0x0e00000e,),   # scgi_store_access
    (0x0e000002,),   # scgi_temp_file_write_size
    (0x0e00001e,),   # scgi_temp_path
    (0x0e000002,),   # secure_link
    (0x0e000002,),   # secure_link_md5
    (0x0e000002,),   # secure_link_secret
    (0x0e000002,),   # send_lowat
    (0x0e000002,),   # send_timeout
    (0x4e000200,),   # sendfile
    (0x0e000002,),   # sendfile_max_chunk
    (0x02000101, 0x10000800, 0x00100101, 0x00400101, 0x01000800,),   # server
    (0x04000800, 0x00300002,),   # server_name
    (0x0e000200,),   # server_name_in_redirect
    (0x02000002,),   # server_names_hash_bucket_size
    (0x02000002,),   # server_names_hash_max_size
    (0x0e000002,),   # server_tokens
    (0x6c000004,),   # set
    (0x0e000002, 0x00c00002,),   # set_real_ip_from
    (0x0e000002,),   # slice
    (0x00300800,),   # smtp_auth
    (0x00300800,),   # smtp_capabilities
    (0x00300002,),   # smtp_client_buffer
    (0x00300002,),   # smtp_greeting_delay
    (0x4e000002,),   # source_charset
    (0x0e000002,),   # spdy_chunk_size
    (0x06000002,),   # spdy_headers_comp
    (0x02000104, 0x00400104,),   # split_clients
    (0x4e000200,),   # ssi
    (0x0e000200,),   # ssi_last_modified
    (0x0e000002,),   # ssi_min_file_chunk
    (0x0e000200,),   # ssi_silent_errors
    (0x0e000800,),   # ssi_types
    (0x0e000002,),   # ssi_value_length
    (0x06000200, 0x00300200,),   # ssl
    (0x06000002,),   # ssl_buffer_size
    (0x06000002, 0x00300002, 0x00c00002,),   # ssl_certificate
    (0x06000002, 0x00300002, 0x00c00002,),   # ssl_certificate_key
    (0x06000002, 0x00300002, 0x00c00002,),   # ssl_ciphers
    (0x06000002, 0x00300002, 0x00c00002,),   # ssl_client_certificate
    (0x06000002, 0x00300002, 0x00c00002,),   # ssl_crl
    (0x06000002, 0x00300002, 0x00c00002,),   # ssl_dhparam
    (0x06000200,),   # ssl_early_data
    (0x06000002, 0x00300002, 0x00c00002,),   # ssl_ecdh_curve
    (0x00050002,),   # ssl_engine
    (0x00c00002,),   # ssl_handshake_timeout
    (0x06000002, 0x00300002, 0x00c00002,),   # ssl_password_file
    (0x06000200, 0x00300200, 0x00c00200,),   # ssl_prefer_server_ciphers
    (0x00c00200,),   # ssl_preread
    (0x06000800, 0x00300800, 0x00c00800,),   # ssl_protocols
    (0x06000006, 0x00300006, 0x00c00006,),   # ssl_session_cache
    (0x06000002, 0x00300002, 0x00c00002,),   # ssl_session_ticket_key
    (0x06000200, 0x00300200, 0x00c00200,),   # ssl_session_tickets
    (0x06000002, 0x00300002, 0x00c00002,),   # ssl_session_timeout
    (0x06000200,),   # ssl_stapling
    (0x06000002,),   # ssl_stapling_file
    (0x06000002,),   # ssl_stapling_responder
    (0x06000200,),   # ssl_stapling_verify
    (0x06000002, 0x00300002, 0x00c00002,),   # ssl_trusted_certificate
    (0x06000002, 0x00300002, 0x00c00002,),   # ssl_verify_client
    (0x06000002, 0x00300002, 0x00c00002,),   # ssl_verify_depth
    (0x00300002,),   # starttls
    (0x00040101,),   # stream
    (0x0c000003,),   # stub_status
    (0x0e000004,),   # sub_filter
    (0x0e000200,),   # sub_filter_last_modified
    (0x0e000200,),   # sub_filter_once
    (0x0e000800,),   # sub_filter_types
    (0x0e000002,),   # subrequest_output_buffer_size
    (0x0e000200, 0x00c00200,),   # tcp_nodelay
    (0x0e000200,),   # tcp_nopush
    (0x0005000c,),   # thread_pool
    (0x00300002,),   # timeout
    (0x00050002,),   # timer_resolution
    (0x0c001000,),   # try_files
    (0x0e000101,),   # types
    (0x0e000002,),   # types_hash_bucket_size
    (0x0e000002,),   # types_hash_max_size
    (0x06000200,),   # underscores_in_headers
    (0x6e000200,),   # uninitialized_variable_warn
    (0x02000102, 0x00400102,),   # upstream
    (0x00080002,),   # use
    (0x00050006,),   # user
    (0x0e000002,),   # userid
    (0x0e000002,),   # userid_domain
    (0x0e000002,),   # userid_expires
    (0x0e000002,),   # userid_mark
    (0x0e000002,),   # userid_name
    (0x0e000002,),   # userid_p3p
    (0x0e000002,),   # userid_path
    (0x0e000002,),   # userid_service
    (0x0e000006,),   # uwsgi_bind
    (0x0e000002,),   # uwsgi_buffer_size
    (0x0e000200,),   # uwsgi_buffering
    (0x0e000004,),   # uwsgi_buffers
    (0x0e000002,),   # uwsgi_busy_buffers_size
    (0x0e000002,),   # uwsgi_cache
    (0x0e000002,),   # uwsgi_cache_background_update
    (0x0e000800,),   # uwsgi_cache_bypass
    (0x0e000002,),   # uwsgi_cache_key
    (0x0e000200,),   # uwsgi_cache_lock
    (0x0e000002,),   # uwsgi_cache_lock_age
    (0x0e000002,),   # uwsgi_cache_lock_timeout
    (0x0e000002,),   # uwsgi_cache_max_range_offset
    (0x0e000800,),   # uwsgi_cache_methods
    (0x0e000002,),   # uwsgi_cache_min_uses
    (0x02001000,),   # uwsgi_cache_path
    (0x0e000200,),   # uwsgi_cache_revalidate
    (0x0e000800,),   # uwsgi_cache_use_stale
    (0x0e000800,),   # uwsgi_cache_valid
    (0x0e000002,),   # uwsgi_connect_timeout
    (0x0e000200,),   # uwsgi_force_ranges
    (0x0e000002,),   # uwsgi_hide_header
    (0x0e000200,),   # uwsgi_ignore_client_abort
    (0x0e000800,),   # uwsgi_ignore_headers
    (0x0e000200,),   # uwsgi_intercept_errors
    (0x0e000002,),   # uwsgi_limit_rate
    (0x0e000002,),   # uwsgi_max_temp_file_size
    (0x0e000002,),   # uwsgi_modifier1
    (0x0e000002,),   # uwsgi_modifier2
    (0x0e000800,),   # uwsgi_next_upstream
    (0x0e000002,),   # uwsgi_next_upstream_timeout
    (0x0e000002,),   # uwsgi_next_upstream_tries
    (0x0e000800,),   # uwsgi_no_cache
    (0x0e00000c,),   # uwsgi_param
    (0x48000002,),   # uwsgi_pass
    (0x0e000002,),   # uwsgi_pass_header
    (0x0e000200,),   # uwsgi_pass_request_body
    (0x0e000200,),   # uwsgi_pass_request_headers
    (0x0e000002,),   # uwsgi_read_timeout
    (0x0e000200,),   # uwsgi_request_buffering
    (0x0e000002,),   # uwsgi_send_timeout
    (0x0e000200,),   # uwsgi_socket_keepalive
    (0x0e000002,),   # uwsgi_ssl_certificate
    (0x0e000002,),   # uwsgi_ssl_certificate_key
    (0x0e000002,),   # uwsgi_ssl_ciphers
    (0x0e000002,),   # uwsgi_ssl_crl
    (0x0e000002,),   # uwsgi_ssl_name
    (0x0e000002,),   # uwsgi_ssl_password_file
    (0x0e000800,),   # uwsgi_ssl_protocols
    (0x0e000200,),   # uwsgi_ssl_server_name
    (0x0e000200,),   # uwsgi_ssl_session_reuse
    (0x0e000002,),   # uwsgi_ssl_trusted_certificate
    (0x0e000200,),   # uwsgi_ssl_verify
    (0x0e000002,),   # uwsgi_ssl_verify_depth
    (0x0e000002,),   # uwsgi_store
    (0x0e00000e,),   # uwsgi_store_access
    (0x0e000002,),   # uwsgi_temp_file_write_size
    (0x0e00001e,),   # uwsgi_temp_path
    (0x0c000800,),   # valid_referers
    (0x02000002, 0x00400002,),   # variables_hash_bucket_size
    (0x02000002, 0x00400002,),   # variables_hash_max_size
    (0x00080002,),   # worker_aio_requests
    (0x00080002,),   # worker_connections
    (0x00050800,),   # worker_cpu_affinity
    (0x00050002,),   # worker_priority
    (0x00050002,),   # worker_processes
    (0x00050002,),   # worker_rlimit_core
    (0x00050002,),   # worker_rlimit_nofile
    (0x00050002,),   # worker_shutdown_timeout
    (0x00050002,),   # working_directory
    (0x00300200,),   # xclient
    (0x0e000002,),   # xml_entities
    (0x0e000200,),   # xslt_last_modified
    (0x0e000004,),   # xslt_param
    (0x0e000004,),   # xslt_string_param
    (0x08000800,),   # xslt_stylesheet
    (0x0e000800,),   # xslt_types
    (0x10000006, 0x01000006,),   # zone
    (0x08000003,),   # api
    (0x0e000006,),   # auth_jwt
    (0x02001000,),   # auth_jwt_claim_set
    (0x02001000,),   # auth_jwt_header_set
    (0x0e000002,),   # auth_jwt_key_file
    (0x0e000002,),   # auth_jwt_key_request
    (0x0e000002,),   # auth_jwt_leeway
    (0x08000001,),   # f4f
    (0x0e000002,),   # f4f_buffer_size
    (0x0e000800,),   # fastcgi_cache_purge
    (0x08000400, 0x00800400,),   # health_check
    (0x00c00002,),   # health_check_timeout
    (0x08000001,),   # hls
    (0x0e000004,),   # hls_buffers
    (0x0e000200,),   # hls_forward_args
    (0x0e000002,),   # hls_fragment
    (0x0e000002,),   # hls_mp4_buffer_size
    (0x0e000002,),   # hls_mp4_max_buffer_size
    (0x00c00002,),   # js_access
    (0x88000002,),   # js_content
    (0x00c00002,),   # js_filter
    (0x02000002, 0x00400002,),   # js_include
    (0x02000002,),   # js_path
    (0x00c00002,),   # js_preread
    (0x02000004, 0x00400004,),   # js_set
    (0x02000008, 0x00400008,),   # keyval
    (0x02000800, 0x00400800,),   # keyval_zone
    (0x10000006, 0x01000006,),   # least_time
    (0x02000008,),   # limit_zone
    (0x02000102, 0x00400102,),   # match
    (0x0e000200,),   # memcached_force_ranges
    (0x0e000002,),   # mp4_limit_rate
    (0x0e000002,),   # mp4_limit_rate_after
    (0x10000001,),   # ntlm
    (0x0e000800,),   # proxy_cache_purge
    (0x10000006,),   # queue
    (0x0e000800,),   # scgi_cache_purge
    (0x0e000002,),   # session_log
    (0x02001000,),   # session_log_format
    (0x0200007c,),   # session_log_zone
    (0x10000002, 0x01000002,),   # state
    (0x08000001,),   # status
    (0x0e000006,),   # status_format
    (0x04000002, 0x00800002, 0x08000002, 0x40000002,),   # status_zone
    (0x10000800,),   # sticky
    (0x1000001e,),   # sticky_cookie_insert
    (0x08000001,),   # upstream_conf
    (0x0e000800,),   # uwsgi_cache_purge
    (0x00800001,),   # zone_sync
    (0x00c00004,),   # zone_sync_buffers
    (0x00c00002,),   # zone_sync_connect_retry_interval
    (0x00c00002,),   # zone_sync_connect_timeout
    (0x00c00002,),   # zone_sync_interval
    (0x00c00002,),   # zone_sync_recv_buffer_size
    (0x00800006,),   # zone_sync_server
    (0x00c00200,),   # zone_sync_ssl
    (0x00c00002,),   # zone_sync_ssl_certificate
    (0x00c00002,),   # zone_sync_ssl_certificate_key
    (0x00c00002,),   # zone_sync_ssl_ciphers
    (0x00c00002,),   # zone_sync_ssl_crl
    (0x00c00002,),   # zone_sync_ssl_name
    (0x00c00002,),   # zone_sync_ssl_password_file
    (0x00c00800,),   # zone_sync_ssl_protocols
    (0x00c00200,),   # zone_sync_ssl_server_name
    (0x00c00002,),   # zone_sync_ssl_trusted_certificate
    (0x00c00200,),   # zone_sync_ssl_verify
    (0x00c00002,),   # zone_sync_ssl_verify_depth
    (0x00c00002,),   # zone_sync_timeout
)

DIRECTIVES: dict[str, tuple[int, ...]] = dict(zip(_NAMES, _MASKS))

CONTEXTS: dict[tuple[str, ...], int] = {
    (): 0x00040000,
    ('events',): 0x00080000,
    ('mail',): 0x00100000,
    ('mail', 'server'): 0x00200000,
    ('stream',): 0x00400000,
    ('stream', 'server'): 0x00800000,
    ('stream', 'upstream'): 0x01000000,
    ('http',): 0x02000000,
    ('http', 'server'): 0x04000000,
    ('http', 'location'): 0x08000000,
    ('http', 'upstream'): 0x10000000,
    ('http', 'server', 'if'): 0x20000000,
    ('http', 'location', 'if'): 0x40000000,
    ('http', 'location', 'limit_except'): 0x80000000,
}

LUA_BLOCKS: frozenset[str] = frozenset(('access_by_lua_block', 'balancer_by_lua_block', 'body_filter_by_lua_block', 'content_by_lua_block', 'header_filter_by_lua_block', 'init_by_lua_block', 'init_worker_by_lua_block', 'log_by_lua_block', 'rewrite_by_lua_block', 'set_by_lua_block', 'ssl_certificate_by_lua_block', 'ssl_session_fetch_by_lua_block', 'ssl_session_store_by_lua_block'))

EXTRA_DIRECTIVES: frozenset[str] = frozenset("""
BasicRule
CheckRule
DeniedUrl
IgnoreCIDR
IgnoreIP
LearningMode
LibInjectionSql
LibInjectionXss
MainRule
NaxsiLogFile
SecRulesDisabled
SecRulesEnabled
accept_terms_of_service
acceptex_read
access_by_lua
access_by_lua_block
access_by_lua_file
access_by_lua_no_postpone
account_key
ack_window
acme_certificate
acme_issuer
acme_shared_zone
add_header_inherit
add_trailer_inherit
ajp_buffer_size
ajp_buffers
ajp_busy_buffers_size
ajp_cache
ajp_cache_key
ajp_cache_lock
ajp_cache_lock_timeout
ajp_cache_methods
ajp_cache_min_uses
ajp_cache_path
ajp_cache_use_stale
ajp_cache_valid
ajp_connect_timeout
ajp_header_packet_buffer_size
ajp_hide_header
ajp_ignore_client_abort
ajp_ignore_headers
ajp_intercept_errors
ajp_keep_conn
ajp_max_data_packet_size
ajp_max_temp_file_size
ajp_next_upstream
ajp_pass
ajp_pass_header
ajp_pass_request_body
ajp_pass_request_headers
ajp_read_timeout
ajp_secret
ajp_send_lowat
ajp_send_timeout
ajp_store
ajp_store_access
ajp_temp_file_write_size
ajp_temp_path
ajp_upstream_fail_timeout
ajp_upstream_max_fails
append_header
append_header_separator
application
array_join
auth_delay
auth_jwt_key_cache
auth_jwt_require
auth_jwt_type
auth_ldap
auth_ldap_cache_enabled
auth_ldap_cache_expiration_time
auth_ldap_cache_size
auth_ldap_servers
auth_ldap_servers_size
auth_oidc
auth_pam
auth_pam_service_name
auth_pam_set_pam_env
auth_require
backtrace_log
backtrace_max_stack_size
balancer_by_lua_block
balancer_by_lua_file
balancer_keepalive
basic_rule
batch_count
batch_size
body_filter_by_lua
body_filter_by_lua_block
body_filter_by_lua_file
brotli
brotli_buffers
brotli_comp_level
brotli_min_length
brotli_static
brotli_types
brotli_window
buffer
buflen
busy
challenge
check
check_fastcgi_param
check_http_expect_alive
check_http_send
check_keepalive_requests
check_rule
check_shm_size
check_status
chunk_size
client_body_buffers
client_body_early_read
client_body_postpone_size
client_id
client_secret
common_name_in_csr
concat
concat_delimiter
concat_ignore_file_error
concat_max_files
concat_types
concat_unique
config_url
consistent_hash
contact
content_by_lua
content_by_lua_block
content_by_lua_file
cookie_name
count
dash
dash_cleanup
dash_fragment
dash_nested
dash_path
dash_playlist_length
dav_ext_lock
dav_ext_lock_zone
dav_ext_methods
debug_conn
debug_pool
debug_timer
degradation
degrade
delay_start
denied_url
devpoll_changes
devpoll_events
drizzle_buffer_size
drizzle_connect_timeout
drizzle_dbname
drizzle_keepalive
drizzle_module_header
drizzle_pass
drizzle_query
drizzle_recv_cols_timeout
drizzle_recv_rows_timeout
drizzle_send_query_timeout
drizzle_server
drizzle_status
drop_idle_publisher
dubbo_bind
dubbo_buffer_size
dubbo_connect_timeout
dubbo_heartbeat_interval
dubbo_hide_header
dubbo_ignore_headers
dubbo_intercept_errors
dubbo_next_upstream
dubbo_next_upstream_timeout
dubbo_next_upstream_tries
dubbo_pass
dubbo_pass_all_headers
dubbo_pass_body
dubbo_pass_header
dubbo_pass_set
dubbo_read_timeout
dubbo_send_timeout
dubbo_socket_keepalive
dubbo_upstream_error_info
dynamic_resolve
dyups_interface
dyups_read_msg_log
dyups_read_msg_timeout
dyups_shm_zone_size
dyups_trylock
dyups_upstream_conf
early_hints
echo
echo_abort_parent
echo_after_body
echo_before_body
echo_blocking_sleep
echo_duplicate
echo_end
echo_exec
echo_flush
echo_foreach_split
echo_location
echo_location_async
echo_read_request_body
echo_request_body
echo_reset_timer
echo_sleep
echo_status
echo_subrequest
echo_subrequest_async
enable_ntls
encrypted_session_expires
encrypted_session_iv
encrypted_session_key
endpoint
enforce_initial_report
epoll_events
error_log_tag
eventport_events
exec
exec_block
exec_kill_signal
exec_options
exec_play
exec_play_done
exec_publish
exec_publish_done
exec_pull
exec_push
exec_record_done
exec_static
exit_worker_by_lua_block
exit_worker_by_lua_file
external_account_key
extra_auth_args
fair
fancyindex
fancyindex_case_sensitive
fancyindex_css_href
fancyindex_default_sort
fancyindex_directories_first
fancyindex_exact_size
fancyindex_footer
fancyindex_header
fancyindex_hide_parent_dir
fancyindex_hide_symlinks
fancyindex_ignore
fancyindex_localtime
fancyindex_show_dotfiles
fancyindex_show_path
fancyindex_time_format
fastcgi_allow_upstream
fastcgi_bind_dynamic
fastcgi_rcvbuf_size
fastcgi_request_dynamic
fastcgi_sndbuf_size
fastcgi_socket_rcvbuf
fastcgi_socket_sndbuf
fastcgi_upstream_tries
flv_live
footer
footer_types
frontchannel_logout_uri
geoip2
geoip2_proxy
geoip2_proxy_recursive
geoip_region
gop_cache
gop_max_audio_count
gop_max_frame_count
gop_max_video_count
grpc_allow_upstream
grpc_bind_dynamic
grpc_enable_ntls
grpc_request_dynamic
grpc_socket_rcvbuf
grpc_socket_sndbuf
grpc_ssl_certificate_cache
grpc_ssl_conf_command
grpc_ssl_enc_certificate
grpc_ssl_enc_certificate_key
grpc_ssl_key_log
grpc_ssl_sign_certificate
grpc_ssl_sign_certificate_key
gzip_clear_etag
gzip_hash
gzip_no_buffer
gzip_window
header
header_filter_by_lua
header_filter_by_lua_block
header_filter_by_lua_file
hls_audio_buffer_size
hls_base_url
hls_cleanup
hls_continuous
hls_dir_access
hls_fragment_naming
hls_fragment_naming_granularity
hls_fragment_slicing
hls_fragments_per_key
hls_key_path
hls_key_url
hls_keys
hls_max_audio_delay
hls_max_fragment
hls_muxdelay
hls_nested
hls_nested_index_filename
hls_path
hls_playlist_length
hls_sync
hls_type
hls_variant
http2
http2_pool_size
http2_streams_index_size
http3
http3_hq
http3_max_concurrent_streams
http3_stream_buffer_size
iconv_buffer_size
iconv_filter
idle_streams
image_filter_crop_offset
ingress_failover_named_location
ingress_gateway
ingress_gateway_hash_num
ingress_gateway_metadata
ingress_gateway_path_segment_bucket_num
ingress_gateway_pool_size
ingress_gateway_shm_config
ingress_gateway_update_interval
init_by_lua
init_by_lua_block
init_by_lua_file
init_worker_by_lua
init_worker_by_lua_block
init_worker_by_lua_file
interleave
internal_redirect
interval
iocp_threads
issuer
iwrr
js_body_filter
js_context_reuse
js_context_reuse_max_size
js_engine
js_fetch_buffer_size
js_fetch_ciphers
js_fetch_keepalive
js_fetch_keepalive_requests
js_fetch_keepalive_time
js_fetch_keepalive_timeout
js_fetch_max_response_buffer_size
js_fetch_protocols
js_fetch_proxy
js_fetch_timeout
js_fetch_trusted_certificate
js_fetch_verify
js_fetch_verify_depth
js_header_filter
js_import
js_load_http_native_module
js_load_stream_native_module
js_periodic
js_preload_object
js_shared_dict_zone
js_var
keepalive_min_timeout
keepalive_time
kqueue_changes
kqueue_events
ldap_server
learning_mode
libinjection_sql
libinjection_xss
license_token
limit_req_whitelist
live
log_by_lua
log_by_lua_block
log_by_lua_file
log_interval
log_size
logout_token_hint
logout_uri
lua_add_variable
lua_capture_error_log
lua_check_client_abort
lua_code_cache
lua_http10_buffering
lua_load_resty_core
lua_malloc_trim
lua_max_pending_timers
lua_max_running_timers
lua_need_request_body
lua_package_cpath
lua_package_path
lua_regex_cache_max_entries
lua_regex_match_limit
lua_sa_restart
lua_shared_dict
lua_socket_buffer_size
lua_socket_connect_timeout
lua_socket_keepalive_timeout
lua_socket_log_errors
lua_socket_pool_size
lua_socket_read_timeout
lua_socket_send_lowat
lua_socket_send_timeout
lua_ssl_certificate
lua_ssl_certificate_key
lua_ssl_ciphers
lua_ssl_conf_command
lua_ssl_crl
lua_ssl_key_log
lua_ssl_protocols
lua_ssl_trusted_certificate
lua_ssl_verify_depth
lua_thread_cache_max_entries
lua_transform_underscores_in_response_headers
lua_upstream_skip_openssl_default_verify
lua_use_default_type
lua_worker_thread_vm_pool_size
main_rule
master_env
max_connections
max_errors
max_headers
max_message
max_retries
max_streams
memc_buffer_size
memc_cmds_allowed
memc_connect_timeout
memc_flags_to_last_modified
memc_ignore_client_abort
memc_next_upstream
memc_pass
memc_read_timeout
memc_send_timeout
memc_upstream_fail_timeout
memc_upstream_max_fails
memcached_allow_upstream
memcached_bind_dynamic
memcached_upstream_tries
meta
mgmt
modsecurity
modsecurity_rules
modsecurity_rules_file
modsecurity_rules_remote
modsecurity_transaction_id
more_clear_headers
more_clear_input_headers
more_set_headers
more_set_input_headers
mp4_start_key_frame
mqtt
mqtt_buffers
mqtt_preread
mqtt_rewrite_buffer_size
mqtt_set_connect
mruby_access_handler
mruby_access_handler_code
mruby_add_handler
mruby_cache
mruby_content_handler
mruby_content_handler_code
mruby_enable_read_request_body
mruby_exit_worker
mruby_exit_worker_code
mruby_init
mruby_init_code
mruby_init_worker
mruby_init_worker_code
mruby_log_handler
mruby_log_handler_code
mruby_output_body_filter
mruby_output_body_filter_code
mruby_output_filter
mruby_output_filter_code
mruby_output_header_filter
mruby_output_header_filter_code
mruby_post_read_handler
mruby_post_read_handler_code
mruby_rewrite_handler
mruby_rewrite_handler_code
mruby_server_context_handler_code
mruby_server_rewrite_handler
mruby_server_rewrite_handler_code
mruby_set
mruby_set_code
mruby_ssl_handshake_handler
mruby_ssl_handshake_handler_code
mruby_stream
mruby_stream_code
mruby_stream_exit_worker
mruby_stream_exit_worker_code
mruby_stream_init
mruby_stream_init_code
mruby_stream_init_worker
mruby_stream_init_worker_code
mruby_stream_server_context_code
mruby_upstream_keepalive
multi
naxsi_log
nchan_access_control_allow_credentials
nchan_access_control_allow_origin
nchan_authorize_request
nchan_benchmark
nchan_benchmark_channels
nchan_benchmark_message_padding_bytes
nchan_benchmark_messages_per_channel_per_minute
nchan_benchmark_publisher_distribution
nchan_benchmark_subscriber_distribution
nchan_benchmark_subscribers_per_channel
nchan_benchmark_time
nchan_channel_event_string
nchan_channel_events_channel_id
nchan_channel_group
nchan_channel_group_accounting
nchan_channel_id
nchan_channel_id_split_delimiter
nchan_channel_timeout
nchan_deflate_message_for_websocket
nchan_eventsource_event
nchan_eventsource_ping_comment
nchan_eventsource_ping_data
nchan_eventsource_ping_event
nchan_eventsource_ping_interval
nchan_group_location
nchan_group_max_channels
nchan_group_max_messages
nchan_group_max_messages_disk
nchan_group_max_messages_memory
nchan_group_max_subscribers
nchan_longpoll_multipart_response
nchan_max_channel_id_length
nchan_max_channel_subscribers
nchan_max_reserved_memory
nchan_message_buffer_length
nchan_message_max_buffer_length
nchan_message_temp_path
nchan_message_timeout
nchan_permessage_deflate_compression_level
nchan_permessage_deflate_compression_memlevel
nchan_permessage_deflate_compression_strategy
nchan_permessage_deflate_compression_window
nchan_pub_channel_id
nchan_publisher
nchan_publisher_channel_id
nchan_publisher_location
nchan_publisher_upstream_request
nchan_pubsub
nchan_pubsub_channel_id
nchan_pubsub_location
nchan_redis_accurate_subscriber_count
nchan_redis_cluster_check_interval
nchan_redis_cluster_check_interval_backoff
nchan_redis_cluster_check_interval_jitter
nchan_redis_cluster_check_interval_max
nchan_redis_cluster_check_interval_min
nchan_redis_cluster_connect_timeout
nchan_redis_cluster_max_failing_time
nchan_redis_cluster_recovery_delay
nchan_redis_cluster_recovery_delay_backoff
nchan_redis_cluster_recovery_delay_jitter
nchan_redis_cluster_recovery_delay_max
nchan_redis_cluster_recovery_delay_min
nchan_redis_command_timeout
nchan_redis_connect_timeout
nchan_redis_discovered_ip_range_blacklist
nchan_redis_fakesub_timer_interval
nchan_redis_idle_channel_cache_timeout
nchan_redis_idle_channel_keepalive_backoff
nchan_redis_idle_channel_keepalive_jitter
nchan_redis_idle_channel_keepalive_max
nchan_redis_idle_channel_keepalive_min
nchan_redis_idle_channel_keepalive_safety_margin
nchan_redis_load_scripts_unconditionally
nchan_redis_namespace
nchan_redis_node_connect_timeout
nchan_redis_nostore_fastpublish
nchan_redis_optimize_target
nchan_redis_pass
nchan_redis_pass_inheritable
nchan_redis_password
nchan_redis_ping_interval
nchan_redis_publish_msgpacked_max_size
nchan_redis_reconnect_delay
nchan_redis_reconnect_delay_backoff
nchan_redis_reconnect_delay_jitter
nchan_redis_reconnect_delay_max
nchan_redis_reconnect_delay_min
nchan_redis_retry_commands
nchan_redis_retry_commands_max_wait
nchan_redis_server
nchan_redis_ssl
nchan_redis_ssl_ciphers
nchan_redis_ssl_client_certificate
nchan_redis_ssl_client_certificate_key
nchan_redis_ssl_server_name
nchan_redis_ssl_trusted_certificate
nchan_redis_ssl_trusted_certificate_path
nchan_redis_ssl_verify_certificate
nchan_redis_storage_mode
nchan_redis_subscribe_weights
nchan_redis_tls
nchan_redis_tls_ciphers
nchan_redis_tls_client_certificate
nchan_redis_tls_server_name
nchan_redis_tls_trusted_certificate
nchan_redis_tls_trusted_certificate_path
nchan_redis_tls_verify_certificate
nchan_redis_upstream_stats
nchan_redis_upstream_stats_disconnected_timeout
nchan_redis_upstream_stats_enabled
nchan_redis_url
nchan_redis_username
nchan_redis_wait_after_connecting
nchan_shared_memory_size
nchan_storage_engine
nchan_store_messages
nchan_stub_status
nchan_sub_channel_id
nchan_subscribe_existing_channels_only
nchan_subscribe_request
nchan_subscriber
nchan_subscriber_channel_id
nchan_subscriber_compound_etag_message_id
nchan_subscriber_first_message
nchan_subscriber_http_raw_stream_separator
nchan_subscriber_info
nchan_subscriber_info_string
nchan_subscriber_last_message_id
nchan_subscriber_location
nchan_subscriber_message_id_custom_etag_header
nchan_subscriber_timeout
nchan_unsubscribe_request
nchan_use_redis
nchan_websocket_client_heartbeat
nchan_websocket_ping_interval
netcall_buffer
netcall_timeout
notify_method
notify_no_resolve
notify_relay_redirect
notify_update_strict
notify_update_timeout
num_map
oidc_provider
on_connect
on_disconnect
on_done
on_play
on_play_done
on_publish
on_publish_done
on_record_done
on_update
open_file_cache_events
opentracing
opentracing_fastcgi_propagate_context
opentracing_grpc_propagate_context
opentracing_load_tracer
opentracing_location_operation_name
opentracing_operation_name
opentracing_propagate_context
opentracing_tag
opentracing_trace_locations
opentracing_trust_incoming_span
otel_exporter
otel_resource_attr
otel_service_name
otel_span_attr
otel_span_name
otel_trace
otel_trace_context
out_cork
out_queue
pagespeed
pass
passenger_abort_on_startup_error
passenger_abort_websockets_on_process_shutdown
passenger_admin_panel_auth_type
passenger_admin_panel_password
passenger_admin_panel_url
passenger_admin_panel_username
passenger_analytics_log_group
passenger_analytics_log_user
passenger_anonymous_telemetry_proxy
passenger_app_env
passenger_app_file_descriptor_ulimit
passenger_app_group_name
passenger_app_log_file
passenger_app_rights
passenger_app_root
passenger_app_start_command
passenger_app_type
passenger_base_uri
passenger_buffer_response
passenger_buffer_size
passenger_buffer_upload
passenger_buffers
passenger_busy_buffers_size
passenger_concurrency_model
passenger_core_file_descriptor_ulimit
passenger_ctl
passenger_custom_error_page
passenger_data_buffer_dir
passenger_debug_log_file
passenger_debugger
passenger_default_group
passenger_default_user
passenger_direct_instance_request_address
passenger_disable_anonymous_telemetry
passenger_disable_log_prefix
passenger_disable_security_update_check
passenger_document_root
passenger_dump_config_manifest
passenger_enabled
passenger_env_var
passenger_file_descriptor_log_file
passenger_fly_with
passenger_force_max_concurrent_requests_per_process
passenger_friendly_error_pages
passenger_group
passenger_headers_hash_bucket_size
passenger_headers_hash_max_size
passenger_ignore_client_abort
passenger_ignore_headers
passenger_instance_registry_dir
passenger_intercept_errors
passenger_load_shell_envvars
passenger_log_file
passenger_log_level
passenger_max_instances
passenger_max_instances_per_app
passenger_max_pool_size
passenger_max_preloader_idle_time
passenger_max_request_queue_size
passenger_max_request_queue_time
passenger_max_request_time
passenger_max_requests
passenger_memory_limit
passenger_meteor_app_settings
passenger_min_instances
passenger_monitor_log_file
passenger_nodejs
passenger_pass_header
passenger_pool_idle_time
passenger_pre_start
passenger_preload_bundler
passenger_python
passenger_read_timeout
passenger_request_buffering
passenger_request_queue_overflow_status_code
passenger_resist_deployment_errors
passenger_response_buffer_high_watermark
passenger_restart_dir
passenger_rolling_restarts
passenger_root
passenger_ruby
passenger_security_update_check_proxy
passenger_set_header
passenger_show_version_in_header
passenger_socket_backlog
passenger_spawn_dir
passenger_spawn_exception_status_code
passenger_spawn_method
passenger_start_timeout
passenger_startup_file
passenger_stat_throttle_rate
passenger_sticky_sessions
passenger_sticky_sessions_cookie_attributes
passenger_sticky_sessions_cookie_name
passenger_temp_path
passenger_thread_count
passenger_turbocaching
passenger_use_global_queue
passenger_user
passenger_user_switching
passenger_vary_turbocache_by_cookie
ping
ping_timeout
pipe_set_size
pkce
play
play_local_path
play_restart
play_temp_path
play_time_fix
post_acceptex
post_action
post_logout_uri
postgres_connect_timeout
postgres_escape
postgres_keepalive
postgres_output
postgres_pass
postgres_query
postgres_result_timeout
postgres_rewrite
postgres_server
postgres_set
postpone_gzipping
precontent_by_lua_block
precontent_by_lua_file
precontent_by_lua_no_postpone
preferred_chain
preread_by_lua_block
preread_by_lua_file
preread_by_lua_no_postpone
priority
process
processes
profile
proxy
proxy_allow_upstream
proxy_bind_dynamic
proxy_connect
proxy_connect_address
proxy_connect_allow
proxy_connect_bind
proxy_connect_connect_timeout
proxy_connect_data_timeout
proxy_connect_read_timeout
proxy_connect_response
proxy_connect_send_lowat
proxy_connect_send_timeout
proxy_cookie_flags
proxy_downstream_buffer
proxy_enable_ntls
proxy_half_close
proxy_pass_trailers
proxy_password
proxy_rcvbuf_size
proxy_request_dynamic
proxy_session_drop
proxy_smtp_auth
proxy_sndbuf_size
proxy_socket_rcvbuf
proxy_socket_sndbuf
proxy_ssl_alpn
proxy_ssl_certificate_by_lua_block
proxy_ssl_certificate_by_lua_file
proxy_ssl_certificate_cache
proxy_ssl_conf_command
proxy_ssl_enc_certificate
proxy_ssl_enc_certificate_key
proxy_ssl_key_log
proxy_ssl_sign_certificate
proxy_ssl_sign_certificate_key
proxy_ssl_verify_by_lua_block
proxy_ssl_verify_by_lua_file
proxy_upstream_buffer
proxy_upstream_tries
proxy_username
publish_notify
publish_time_fix
pull
pull_reconnect
push
push_authorized_channels_only
push_channel_group
push_channel_timeout
push_max_channel_id_length
push_max_channel_subscribers
push_max_message_buffer_length
push_max_reserved_memory
push_message_buffer_length
push_message_timeout
push_min_message_buffer_length
push_publisher
push_reconnect
push_store_messages
push_stream_allow_connections_to_events_channel
push_stream_allowed_origins
push_stream_authorized_channels_only
push_stream_channel_deleted_message_text
push_stream_channel_inactivity_time
push_stream_channel_info_on_publish
push_stream_channels_path
push_stream_channels_statistics
push_stream_events_channel_id
push_stream_footer_template
push_stream_header_template
push_stream_header_template_file
push_stream_last_event_id
push_stream_last_received_message_tag
push_stream_last_received_message_time
push_stream_longpolling_connection_ttl
push_stream_max_channel_id_length
push_stream_max_messages_stored_per_channel
push_stream_max_number_of_channels
push_stream_max_number_of_wildcard_channels
push_stream_max_subscribers_per_channel
push_stream_message_template
push_stream_message_ttl
push_stream_padding_by_user_agent
push_stream_ping_message_interval
push_stream_ping_message_text
push_stream_publisher
push_stream_shared_memory_size
push_stream_store_messages
push_stream_subscriber
push_stream_subscriber_connection_ttl
push_stream_timeout_with_body
push_stream_user_agent
push_stream_websocket_allow_publish
push_stream_wildcard_channel_max_qtd
push_stream_wildcard_channel_prefix
push_subscriber
push_subscriber_concurrency
push_subscriber_timeout
quic_active_connection_id_limit
quic_bpf
quic_gso
quic_host_key
quic_retry
rack_env
rails_app_spawner_idle_time
rails_env
rails_framework_spawner_idle_time
rails_spawn_method
rds_json
rds_json_buffer_size
rds_json_content_type
rds_json_errcode_key
rds_json_errstr_key
rds_json_format
rds_json_ret
rds_json_root
rds_json_success_property
rds_json_user_property
record
record_append
record_interval
record_lock
record_max_frames
record_max_size
record_notify
record_path
record_suffix
record_unique
recorder
redirect_uri
redis2_bind
redis2_buffer_size
redis2_connect_timeout
redis2_literal_raw_query
redis2_next_upstream
redis2_pass
redis2_query
redis2_raw_queries
redis2_raw_query
redis2_read_timeout
redis2_send_timeout
relay_buffer
report_uploads
req_status
req_status_bypass
req_status_lazy
req_status_show
req_status_show_field
req_status_zone
req_status_zone_add_indicator
req_status_zone_key_length
req_status_zone_recycle
request_time_cache
resolver_file
respawn
respawn_timeout
retry_cached_connection
rewrite_by_lua
rewrite_by_lua_block
rewrite_by_lua_file
rewrite_by_lua_no_postpone
rr_discarded_range
rtmp
rtmp_auto_push
rtmp_auto_push_reconnect
rtmp_control
rtmp_socket_dir
rtmp_stat
rtmp_stat_format
rtmp_stat_stylesheet
rtsig_overflow_events
rtsig_overflow_test
rtsig_overflow_threshold
rtsig_signo
rules_disabled
rules_enabled
scgi_allow_upstream
scgi_bind_dynamic
scgi_request_dynamic
scgi_socket_rcvbuf
scgi_socket_sndbuf
scgi_upstream_tries
scope
server_admin
server_info
server_rewrite_by_lua_block
server_rewrite_by_lua_file
server_tag
server_traffic_status
server_traffic_status_average_method
server_traffic_status_filter
server_traffic_status_filter_by_set_key
server_traffic_status_filter_check_duplicate
server_traffic_status_histogram_buckets
server_traffic_status_limit
server_traffic_status_limit_check_duplicate
server_traffic_status_limit_traffic
server_traffic_status_limit_traffic_by_set_key
server_traffic_status_zone
session_relay
session_sticky
session_sticky_header
session_sticky_hide_cookie
session_store
session_timeout
set_base32_alphabet
set_base32_padding
set_by_lua
set_by_lua_block
set_by_lua_file
set_decode_base32
set_decrypt_session
set_encode_base32
set_encrypt_session
set_formatted_gmt_time
set_formatted_local_time
set_hashed_upstream
set_iconv
set_local_today
slab_stat
slice_arg_begin
slice_arg_end
slice_footer
slice_footer_last
slice_header
slice_header_first
so_keepalive
srcache_buffer
srcache_default_expire
srcache_fetch
srcache_fetch_skip
srcache_header_buffer_size
srcache_ignore_content_encoding
srcache_max_expire
srcache_methods
srcache_request_cache_control
srcache_response_cache_control
srcache_store
srcache_store_hide_header
srcache_store_max_size
srcache_store_no_cache
srcache_store_no_store
srcache_store_pass_header
srcache_store_private
srcache_store_ranges
srcache_store_skip
srcache_store_statuses
ssi_ignore_recycled_buffers
ssl_alpn
ssl_async
ssl_certificate_by_lua_block
ssl_certificate_by_lua_file
ssl_certificate_cache
ssl_certificate_compression
ssl_client_hello_by_lua_block
ssl_client_hello_by_lua_file
ssl_conf_command
ssl_dyn_rec_enable
ssl_dyn_rec_size_hi
ssl_dyn_rec_size_lo
ssl_dyn_rec_threshold
ssl_dyn_rec_timeout
ssl_ech_file
ssl_enc_certificate
ssl_enc_certificate_key
ssl_key_log
ssl_object_cache_inheritable
ssl_ocsp
ssl_ocsp_cache
ssl_ocsp_responder
ssl_reject_handshake
ssl_session_fetch_by_lua_block
ssl_session_fetch_by_lua_file
ssl_session_store_by_lua_block
ssl_session_store_by_lua_file
ssl_sign_certificate
ssl_sign_certificate_key
ssl_sni_force
ssl_verify
ssl_verify_client_exception
stall_threshold
state_path
stream_buckets
stream_server_traffic_status
stream_server_traffic_status_average_method
stream_server_traffic_status_display
stream_server_traffic_status_display_format
stream_server_traffic_status_display_jsonp
stream_server_traffic_status_zone
subs_buffers
subs_filter
subs_filter_bypass
subs_filter_types
subs_line_buffer_size
sync
sysguard
sysguard_cpu
sysguard_interval
sysguard_load
sysguard_log_level
sysguard_mem
sysguard_mode
sysguard_rt
tair_timeout
testcookie
testcookie_arg
testcookie_deny_keepalive
testcookie_domain
testcookie_expires
testcookie_fallback
testcookie_get_only
testcookie_httponly_flag
testcookie_https_location
testcookie_internal
testcookie_max_attempts
testcookie_name
testcookie_p3p
testcookie_pass
testcookie_path
testcookie_port_in_redirect
testcookie_redirect_via_refresh
testcookie_refresh_encrypt_cookie
testcookie_refresh_encrypt_cookie_iv
testcookie_refresh_encrypt_cookie_key
testcookie_refresh_status
testcookie_refresh_template
testcookie_samesite
testcookie_secret
testcookie_secure_flag
testcookie_session
testcookie_whitelist
tfs_block_cache_zone
tfs_body_buffer_size
tfs_buffer_size
tfs_connect_timeout
tfs_enable_remote_block_cache
tfs_keepalive
tfs_log
tfs_pass
tfs_read_timeout
tfs_send_lowat
tfs_send_timeout
tfs_upstream
track_uploads
trim
trim_css
trim_js
trim_types
trusted_certificate
tunnel_allow_upstream
tunnel_bind
tunnel_bind_dynamic
tunnel_buffer_size
tunnel_connect_timeout
tunnel_next_upstream
tunnel_next_upstream_timeout
tunnel_next_upstream_tries
tunnel_pass
tunnel_read_timeout
tunnel_send_lowat
tunnel_send_timeout
tunnel_socket_keepalive
tunnel_socket_rcvbuf
tunnel_socket_sndbuf
union_station_filter
union_station_gateway_address
union_station_gateway_cert
union_station_gateway_port
union_station_key
union_station_proxy_address
union_station_support
upload_add_header
upload_aggregate_form_field
upload_buffer_size
upload_cleanup
upload_empty_fiels_names
upload_limit_rate
upload_max_file_size
upload_max_output_body_len
upload_max_part_header_len
upload_merge_buffer_size
upload_pass
upload_pass_args
upload_pass_form_field
upload_progress
upload_progress_content_type
upload_progress_header
upload_progress_java_output
upload_progress_json_output
upload_progress_jsonp_output
upload_progress_jsonp_parameter
upload_progress_template
upload_range_header_buffer_size
upload_resumable
upload_set_form_field
upload_state_store
upload_store
upload_store_access
upload_tame_arrays
upstream_change_no_server_status
upstream_fair_shm_size
upstream_show
upsync
upsync_dump_path
upsync_lb
uri
usage_report
user_agent
userid_flags
userinfo
uwsgi_allow_upstream
uwsgi_bind_dynamic
uwsgi_enable_ntls
uwsgi_request_dynamic
uwsgi_socket_rcvbuf
uwsgi_socket_sndbuf
uwsgi_ssl_certificate_cache
uwsgi_ssl_conf_command
uwsgi_ssl_enc_certificate
uwsgi_ssl_enc_certificate_key
uwsgi_ssl_key_log
uwsgi_ssl_sign_certificate
uwsgi_ssl_sign_certificate_key
uwsgi_string
uwsgi_upstream_tries
vhost_traffic_status
vhost_traffic_status_average_method
vhost_traffic_status_bypass_limit
vhost_traffic_status_bypass_stats
vhost_traffic_status_display
vhost_traffic_status_display_format
vhost_traffic_status_display_jsonp
vhost_traffic_status_display_sum_key
vhost_traffic_status_dump
vhost_traffic_status_filter
vhost_traffic_status_filter_by_host
vhost_traffic_status_filter_by_set_key
vhost_traffic_status_filter_check_duplicate
vhost_traffic_status_filter_max_node
vhost_traffic_status_histogram_buckets
vhost_traffic_status_ignore_status
vhost_traffic_status_limit
vhost_traffic_status_limit_check_duplicate
vhost_traffic_status_limit_traffic
vhost_traffic_status_limit_traffic_by_set_key
vhost_traffic_status_measure_status_codes
vhost_traffic_status_set_by_filter
vhost_traffic_status_stats_by_upstream
vhost_traffic_status_zone
vnswrr
vod
vod_align_segments_to_key_frames
vod_apply_dynamic_mapping
vod_base_url
vod_bootstrap_segment_durations
vod_cache_buffer_size
vod_clip_from_param_name
vod_clip_to_param_name
vod_dash_absolute_manifest_urls
vod_dash_duplicate_bitrate_threshold
vod_dash_fragment_file_name_prefix
vod_dash_init_file_name_prefix
vod_dash_init_mp4_pssh
vod_dash_manifest_file_name_prefix
vod_dash_manifest_format
vod_dash_profiles
vod_dash_subtitle_file_name_prefix
vod_dash_subtitle_format
vod_dash_use_base_url_tag
vod_dash_write_playready_kid
vod_drm_clear_lead_segment_count
vod_drm_enabled
vod_drm_info_cache
vod_drm_max_info_length
vod_drm_request_uri
vod_drm_single_key
vod_drm_upstream_location
vod_dynamic_clip_map_uri
vod_dynamic_mapping_cache
vod_encryption_iv_seed
vod_expires
vod_expires_live
vod_expires_live_time_dependent
vod_fallback_upstream_location
vod_force_continuous_timestamps
vod_force_playlist_type_vod
vod_force_sequence_index
vod_gop_look_ahead
vod_gop_look_behind
vod_hds_absolute_manifest_urls
vod_hds_fragment_file_name_prefix
vod_hds_generate_moof_atom
vod_hds_manifest_file_name_prefix
vod_hls_absolute_iframe_urls
vod_hls_absolute_index_urls
vod_hls_absolute_master_urls
vod_hls_container_format
vod_hls_encryption_key_file_name
vod_hls_encryption_key_format
vod_hls_encryption_key_format_versions
vod_hls_encryption_key_uri
vod_hls_encryption_method
vod_hls_encryption_output_iv
vod_hls_force_unmuxed_segments
vod_hls_iframes_file_name_prefix
vod_hls_index_file_name_prefix
vod_hls_init_file_name_prefix
vod_hls_master_file_name_prefix
vod_hls_mpegts_align_frames
vod_hls_mpegts_align_pts
vod_hls_mpegts_id3_data
vod_hls_mpegts_interleave_frames
vod_hls_mpegts_output_id3_timestamps
vod_hls_output_iframes_playlist
vod_hls_segment_file_name_prefix
vod_ignore_edit_list
vod_initial_read_size
vod_lang_param_name
vod_last_modified
vod_last_modified_types
vod_live_mapping_cache
vod_live_response_cache
vod_live_window_duration
vod_manifest_duration_policy
vod_manifest_segment_durations_mode
vod_mapping_cache
vod_max_frame_count
vod_max_frames_size
vod_max_mapping_response_size
vod_max_metadata_size
vod_max_upstream_headers_size
vod_media_set_map_uri
vod_media_set_override_json
vod_metadata_cache
vod_min_single_nalu_per_frame_segment
vod_mode
vod_mss_duplicate_bitrate_threshold
vod_mss_manifest_file_name_prefix
vod_multi_uri_suffix
vod_notification_uri
vod_open_file_thread_pool
vod_output_buffer_pool
vod_parse_hdlr_name
vod_parse_udta_name
vod_path_response_postfix
vod_path_response_prefix
vod_performance_counters
vod_proxy_header_name
vod_proxy_header_value
vod_redirect_segments_url
vod_remote_upstream_location
vod_response_cache
vod_secret_key
vod_segment_count_policy
vod_segment_duration
vod_segment_max_frame_count
vod_segments_base_url
vod_source_clip_map_uri
vod_speed_param_name
vod_status
vod_thumb_accurate_positioning
vod_thumb_file_name_prefix
vod_time_shift_param_name
vod_tracks_param_name
vod_upstream_extra_args
vod_upstream_location
vod_volume_map_file_name_prefix
vod_volume_map_interval
wait_key
wait_video
xml_external_entities
xquic_ack_frequency
xquic_anti_amplification_limit
xquic_cid_route
xquic_congestion_control
xquic_conn_hash_size
xquic_enable_fec
xquic_enable_keylog
xquic_enable_marking_reinjection
xquic_enable_mempool_protection
xquic_enable_multipath
xquic_enable_pmtud
xquic_enable_qlog_event
xquic_fec_blk_log_mod
xquic_fec_code_rate
xquic_fec_conn_queue_rpr_timeout
xquic_fec_decoder_scheme
xquic_fec_encoder_scheme
xquic_fec_log_on
xquic_fec_mp_mode
xquic_fec_packet_mask_mode
xquic_fec_stream_level
xquic_hash_conflict_threshold
xquic_health_check_file
xquic_idle_time_out
xquic_init_cwnd_pkt
xquic_init_pkt_out_size
xquic_init_pto_us
xquic_init_rtt_us
xquic_intercom_socket_rcvbuf
xquic_intercom_socket_sndbuf
xquic_keyupdate_pkt_threshold
xquic_log
xquic_log_file
xquic_log_level
xquic_manually_send
xquic_max_concurrent_connection_cnt
xquic_max_cps
xquic_max_qps
xquic_max_streams_bidi
xquic_max_streams_uni
xquic_min_cwnd_pkt
xquic_mp_enable_reinjection
xquic_mp_sched_bw_Bps_thr
xquic_mp_sched_loss_percent_high
xquic_mp_sched_loss_percent_low
xquic_mp_sched_pto_thr
xquic_mp_sched_rtt_thr_high
xquic_mp_sched_rtt_thr_low
xquic_multipath_scheduler
xquic_pacing
xquic_path_unreachable_pto_count
xquic_pmtud_probing_interval
xquic_probing_pkt_out_size
xquic_qlog_event_importance
xquic_qpack_compat_duplicate
xquic_qpack_decoder_dynamic_table_size
xquic_qpack_encoder_dynamic_table_size
xquic_reinj_deadline_lower_bound
xquic_reinj_flexible_deadline_srtt_factor
xquic_reinj_hard_deadline
xquic_reinjection_control
xquic_server_id_length
xquic_server_id_offset
xquic_sndq_packets_used_max
xquic_socket_rcvbuf
xquic_socket_sndbuf
xquic_ssl_certificate
xquic_ssl_certificate_key
xquic_ssl_session_ticket_key
xquic_standby_path_probe_timeout
xquic_stateless_reset_token_key
xquic_status
xquic_streams_index_size
xquic_symbol_number_per_block
xquic_token_key
xquic_token_key_file
xquic_use_new_udp_hash
xquic_use_smaller_pto
xquic_worker_id_offset
xss_callback_arg
xss_check_status
xss_get
xss_input_types
xss_output_type
xss_override_status
xudp_core_path
xudp_no_tx
xudp_off
xudp_rcvnum
xudp_retries_interval
xudp_sndnum
zone_sync_ssl_conf_command
zstd
zstd_buffers
zstd_comp_level
zstd_dict_file
zstd_min_length
zstd_static
zstd_types
""".split())
