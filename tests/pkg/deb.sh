#!/bin/sh
# A built Debian package (make deb): it declares the libraries the program runs with, holds the
# program, its man page and the completion of the three shells where they look, runs, and
# installs here (dpkg --dry-run, as root).
set -u
deb=${1:-}
[ -f "$deb" ] || { echo "FAIL: no package \"$deb\""; exit 1; }
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

depends=$(dpkg-deb -f "$deb" Depends)
for lib in libcurl libjansson libncursesw libreadline libmicrohttpd libinih; do
	printf '%s\n' "$depends" | grep -q "$lib" || { echo "FAIL: Depends names no $lib: $depends"; fail=1; }
done
dpkg-deb -c "$deb" | awk '{print $NF}' > "$tmp/contents"
for f in ./usr/bin/ktriage ./usr/share/man/man1/ktriage.1.gz ./usr/share/bash-completion/completions/ktriage \
	./usr/share/zsh/vendor-completions/_ktriage ./usr/share/fish/vendor_completions.d/ktriage.fish \
	./usr/share/ktriage/themes/light.theme; do
	grep -qxF "$f" "$tmp/contents" || { echo "FAIL: the package lacks $f"; fail=1; }
done
dpkg-deb -x "$deb" "$tmp/root"
"$tmp/root/usr/bin/ktriage" --version | grep -q '^ktriage [0-9]' || { echo "FAIL: the packaged program does not run"; fail=1; }
cmp -s "$tmp/root/usr/share/bash-completion/completions/ktriage" "$(
	"$tmp/root/usr/bin/ktriage" completion bash > "$tmp/bash"; echo "$tmp/bash")" ||
	{ echo "FAIL: the packaged bash completion is not the program's"; fail=1; }
if [ "$(id -u)" = 0 ]; then
	dpkg --dry-run -i "$deb" > "$tmp/dpkg.log" 2>&1 || { echo "FAIL: dpkg would not install it:"; cat "$tmp/dpkg.log"; fail=1; }
fi
[ $fail = 0 ] && echo "ok: $deb"
exit $fail
