# shellcheck shell=bash disable=SC2034 # sets globals that bench/run reads
# What a run needs before it starts: tools, binaries, the extension.

# Installs the Debian packages of missing tools, quietly.
ensure_tools() {
	local pkgs=()
	command -v wrk >/dev/null || pkgs+=(wrk)
	command -v gnuplot >/dev/null || pkgs+=(gnuplot-nox)
	command -v gcc >/dev/null || pkgs+=(gcc)
	[[ -f /usr/include/stdio.h ]] || pkgs+=(libc6-dev)
	command -v php >/dev/null || pkgs+=(php8.2-cli)
	command -v taskset >/dev/null || pkgs+=(util-linux)
	command -v haproxy >/dev/null || [[ -x /usr/sbin/haproxy ]] || pkgs+=(haproxy)
	# The TLS scenarios: s_time and certificates; ref_tls links libssl.
	command -v openssl >/dev/null || pkgs+=(openssl)
	[[ -f /usr/include/openssl/ssl.h ]] || pkgs+=(libssl-dev)
	((${#pkgs[@]})) || return 0
	echo "installing ${pkgs[*]}" >&2
	if ((EUID != 0)); then
		echo "bench: need ${pkgs[*]} (apt-get install as root)" >&2
		return 1
	fi
	DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
}

# Builds loadgen and the reference servers into build/.
build_binaries() {
	local cflags=(-O2 -g -std=gnu11 -Wall -Wextra) r
	mkdir -p "$BUILD"
	gcc "${cflags[@]}" -o "$BUILD/loadgen" "$BENCH/loadgen.c" "$BENCH"/loadgen/*.c "$BENCH/lib/net.c" \
		-lssl -lcrypto || return 1
	for r in time echo http bulk udp; do
		gcc "${cflags[@]}" -o "$BUILD/ref_$r" "$BENCH/servers/ref_$r.c" \
			"$BENCH/servers/ref.c" "$BENCH/lib/net.c" || return 1
	done
	gcc "${cflags[@]}" -o "$BUILD/ref_tls" "$BENCH/servers/ref_tls.c" \
		"$BENCH/servers/ref.c" "$BENCH/lib/net.c" -lssl -lcrypto || return 1
}

# Makes the TLS scenarios' self-signed certificates in the run's temp dir:
# rsa.crt/rsa.key (RSA-2048) and ec.crt/ec.key (ECDSA P-256).
make_certs() {
	local log=$TMPD/certs.log
	if ! {
		openssl req -x509 -newkey rsa:2048 -nodes -keyout "$TMPD/rsa.key" -out "$TMPD/rsa.crt" \
			-days 2 -subj /CN=localhost &&
			openssl ecparam -name prime256v1 -genkey -noout -out "$TMPD/ec.key" &&
			openssl req -x509 -new -key "$TMPD/ec.key" -out "$TMPD/ec.crt" -days 2 -subj /CN=localhost
	} >"$log" 2>&1; then
		cat "$log" >&2
		echo "bench: making the TLS certificates failed" >&2
		return 1
	fi
}

# Sets EXT_ARGS, the php arguments that load fastsock. FASTSOCK_EXT=none
# runs both sides on plain PHP (for developing the bench itself);
# FASTSOCK_EXT=/path/fastsock.so picks another build.
find_extension() {
	local ext=${FASTSOCK_EXT:-$REPO/modules/fastsock.so}
	EXT_ARGS=()
	if [[ $ext == none ]]; then
		EXT_DESC="none (FASTSOCK_EXT=none: both columns are stock PHP)"
		return 0
	fi
	if [[ ! -f $ext && -z ${FASTSOCK_EXT:-} ]]; then
		echo "building the extension with scripts/build" >&2
		"$REPO/scripts/build" >&2 || {
			echo "bench: scripts/build failed; FASTSOCK_EXT=none runs the bench without the extension" >&2
			return 1
		}
	fi
	if ! php -n -d "extension=$ext" -r 'exit(extension_loaded("fastsock") ? 0 : 1);'; then
		echo "bench: php cannot load $ext" >&2
		return 1
	fi
	EXT_ARGS=(-d "extension=$ext")
	EXT_DESC=$ext
}
