# shellcheck shell=bash
# wgtrack-lab: its messages, the names and addresses of a lab's namespaces and interfaces, and
# lab.env, the record of everything a lab has created. Sourced by bin/wgtrack-lab; reads
# LAB_ID, LAB_DIR and LAB_DOMAIN.

die() {
    echo "wgtrack-lab: $*" >&2
    exit 1
}

log() {
    echo "wgtrack-lab: $*" >&2
}

# ---------- names ----------

hub_ns() { echo "${LAB_ID}-hub"; }
net_ns() { echo "${LAB_ID}-net"; }
dns_ns() { echo "${LAB_ID}-dns"; }
peer_ns() { echo "${LAB_ID}-p$1"; }
hub_if() { echo "${LAB_ID}h"; }
peer_if() { echo "${LAB_ID}p$1"; }
peer_v4() { echo "10.99.0.$((10 + $1))"; }
peer_v6() { echo "fd99::$((10 + $1))"; }
peer_tunnel() { echo "10.10.0.$((10 + $1))"; }
peer_host() { echo "peer$1.${LAB_DOMAIN}"; }

# ---------- lab.env ----------

env_file() { echo "$LAB_DIR/lab.env"; }

# Appends KEY=VALUE to lab.env; later lines win (lab.env is plain KEY=VALUE, no quoting, so
# both bash and the Java fixture read it).
record() {
    echo "$1=$2" >>"$(env_file)"
}

# Value of KEY in lab.env (last one wins), or empty.
env_get() {
    local file
    file=$(env_file)
    [[ -f $file ]] || return 0
    awk -F= -v k="$1" '$1 == k { v = substr($0, length(k) + 2) } END { print v }' "$file"
}

# Every value recorded under KEY, in order.
env_all() {
    local file
    file=$(env_file)
    [[ -f $file ]] || return 0
    awk -F= -v k="$1" '$1 == k { print substr($0, length(k) + 2) }' "$file"
}
