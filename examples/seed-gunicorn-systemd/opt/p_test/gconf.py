from gevent import monkey
monkey.patch_all()
import multiprocessing
debug = True
loglevel = 'debug'
bind = '0.0.0.0:5000' #绑定与Nginx通信的端口
pidfile = 'log/gunicorn.pid'
logfile = 'log/debug.log'
accesslog='log/debug1.log'
#loglevel='info'
workers = multiprocessing.cpu_count() * 2 + 1
worker_class = 'gevent' #默认为阻塞模式，最好选择gevent模式
worker_connections=10240 #
backlog=5000 #挂起连接的最大数目
max_requests_jitter=3 #抖动参数，防止worker全部同时重启
