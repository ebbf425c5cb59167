# Under socket activation Gunicorn ignores bind: the socket is gunicorn.socket's.
workers = 3
timeout = 30
graceful_timeout = 30
forwarded_allow_ips = "127.0.0.1"
