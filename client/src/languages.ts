/** The languages the language server handles (package.json contributes the same ids). */
export const LANGUAGE_IDS = ['rsyslog', 'logrotate', 'journald', 'firewalld', 'firewalld-conf', 'iptables', 'syslog-log', 'logrotate-status'];

/** Files whose changes the server should hear about for cross-file checks. */
export const WATCH_GLOB = '**/{rsyslog.conf,rsyslog.d/*.conf,logrotate.conf,logrotate.d/*,journald.conf,journald.conf.d/*.conf,firewalld/**/*.xml,firewalld.conf,sysconfig/iptables,sysconfig/ip6tables,iptables/rules.v4,iptables/rules.v6}';
