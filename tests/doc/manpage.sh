#!/bin/sh
# The man page is generated from the command table at build time; check that every
# command and every key of `ktriage help` is in the built page, so it cannot drift.
set -u
bin=${KT_BUILDDIR:-.}/src/ktriage
page=${KT_BUILDDIR:-.}/doc/ktriage.1
[ -f "$page" ] || { echo "FAIL: $page was not built"; exit 1; }
fail=0
"$bin" help | sed -n 's/^  \([a-z][a-z -]*[a-z]\)  .*/\1/p' | sed 's/ *$//' > commands.tmp
n=0
while IFS= read -r words; do
	n=$((n + 1))
	# troff escapes hyphens: "entity-engine" is written "entity\-engine".
	esc=$(printf '%s' "$words" | sed 's/-/\\\\-/g')
	if ! grep -q "^\.B $esc" "$page"; then
		echo "FAIL: the man page does not describe \"$words\""
		fail=1
	fi
done < commands.tmp
rm -f commands.tmp
[ "$n" -gt 10 ] || { echo "FAIL: ktriage help listed only $n commands"; fail=1; }
for section in NAME SYNOPSIS DESCRIPTION OPTIONS KEYS COMMANDS FILES; do
	grep -q "^\.SH $section" "$page" || { echo "FAIL: no $section section"; fail=1; }
done
grep -q '%[A-Z]*%' "$page" && { echo "FAIL: an unreplaced placeholder is left in the page"; fail=1; }
exit $fail
