#!/bin/sh
# The Debian packaging agrees with the build: the package's version is the program's, every
# library configure requires is among the build dependencies, and zsh's completion goes where
# Debian's zsh reads it. (The package itself is built by `make deb`, run by ./quickstart test.)
set -u
src=${KT_SRCDIR:-..}
bin=${KT_BUILDDIR:-.}/src/ktriage
fail=0
version=$("$bin" --version | sed -n 's/^ktriage //p')
changelog=$(sed -n '1s/^ktriage (\([^)]*\)).*/\1/p' "$src/debian/changelog")
[ "$version" = "$changelog" ] || { echo "FAIL: debian/changelog says $changelog, the program $version"; fail=1; }
for pkg in $(sed -n 's/^KT_REQUIRE_PKG(\[[A-Z]*\], \[[^]]*\], \[\([^]]*\)\]).*/\1/p' "$src/configure.ac"); do
	grep -q "^ *\(Build-Depends: \)\?[^#]*\b$pkg\b" "$src/debian/control" ||
		{ echo "FAIL: debian/control does not build-depend on $pkg"; fail=1; }
done
n=$(sed -n 's/^KT_REQUIRE_PKG(\[[A-Z]*\], \[[^]]*\], \[\([^]]*\)\]).*/\1/p' "$src/configure.ac" | wc -l)
[ "$n" -ge 7 ] || { echo "FAIL: found only $n required libraries in configure.ac"; fail=1; }
grep -q 'zshcompletiondir=/usr/share/zsh/vendor-completions' "$src/debian/rules" ||
	{ echo "FAIL: debian/rules does not put zsh's completion in vendor-completions"; fail=1; }
grep -q '^Depends:.*\${shlibs:Depends}' "$src/debian/control" ||
	{ echo "FAIL: the package does not declare its libraries (\${shlibs:Depends})"; fail=1; }
exit $fail
