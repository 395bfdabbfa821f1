#!/bin/sh
# The shell completion scripts (cmd/shellcomp.c) as the shells run them: each completes a
# command inside -c '...', an option, an enumerated value, and the program's own words. The
# built scripts are the ones `ktriage completion SHELL` prints. zsh and fish parts run where
# those shells are installed (bash always is).
set -u
bin=${KT_BUILDDIR:-.}/src/ktriage
dir=${KT_BUILDDIR:-.}/completion
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for shell in bash zsh fish; do
	case $shell in bash) f=ktriage ;; zsh) f=_ktriage ;; fish) f=ktriage.fish ;; esac
	"$bin" completion "$shell" > "$tmp/$shell" || { echo "FAIL: ktriage completion $shell"; fail=1; }
	cmp -s "$tmp/$shell" "$dir/$f" || { echo "FAIL: the built $dir/$f is not what ktriage completion $shell prints"; fail=1; }
done
if "$bin" completion tcsh > /dev/null 2>&1; then
	echo "FAIL: an unknown shell was accepted"
	fail=1
fi

# Every command of `ktriage help` is in the scripts' table.
"$bin" help | sed -n 's/^  \([a-z][a-z -]*[a-z]\)  .*/\1/p' | sed 's/ *$//' > "$tmp/commands"
while IFS= read -r words; do
	grep -Eq "^(_ktriage_table=')?$words	" "$tmp/bash" || { echo "FAIL: the completion table lacks \"$words\""; fail=1; }
done < "$tmp/commands"

# expect SHELL-OUTPUT WANTED...: every wanted line is among the candidates.
expect() {
	got=$1
	shift
	for want in "$@"; do
		printf '%s\n' "$got" | grep -qxF -- "$want" || { echo "FAIL: $label: no \"$want\" in: $(printf '%s' "$got" | tr '\n' '|')"; fail=1; }
	done
}

# bash, through the completion function as readline calls it.
bash_complete() {
	bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _ktriage; printf "%s\n" "${COMPREPLY[@]}"' \
		sh "$tmp/bash" "$@"
}
label="bash, a command"; expect "$(bash_complete ktriage -c "'ca")" "case" "cases"
label="bash, a second word"; expect "$(bash_complete ktriage -c "'case st")" "case status"
label="bash, an option"; expect "$(bash_complete ktriage -c "'ask --al")" "ask --alert"
label="bash, an enum value"; expect "$(bash_complete ktriage -c "'cases --status in")" "cases --status in-progress"
label="bash, a positional enum"; expect "$(bash_complete ktriage -c "'case status ID ")" \
	"case status ID open" "case status ID in-progress" "case status ID closed"
label="bash, a setting"; expect "$(bash_complete ktriage -c "'set ")" "set refresh" "set notify"
label="bash, the program's option"; expect "$(bash_complete ktriage --theme "")" "default" "light" "high-contrast"
label="bash, completion"; expect "$(bash_complete ktriage completion "")" "bash" "zsh" "fish"
label="bash, help"; expect "$(bash_complete ktriage help cas)" "cases"

if command -v zsh > /dev/null 2>&1; then
	# The file is a completion function: its last line runs it, which only works inside completion.
	sed '$d' "$tmp/zsh" > "$tmp/zsh-lib"
	zsh_line() { zsh -f -c '. "$1"; _ktriage_line "$2"' sh "$tmp/zsh-lib" "$1"; }
	label="zsh, a command"; expect "$(zsh_line "ca")" "case" "cases"
	label="zsh, an option"; expect "$(zsh_line "ask --al")" "--alert"
	label="zsh, an enum value"; expect "$(zsh_line "cases --status ")" "open" "in-progress" "closed"
	label="zsh, a positional enum"; expect "$(zsh_line "case status ID ")" "open" "closed"
	zsh -n "$tmp/zsh" || { echo "FAIL: zsh cannot read its script"; fail=1; }
else
	echo "# zsh is not installed: its script is only checked by the table above"
fi

if command -v fish > /dev/null 2>&1; then
	fish_complete() { fish --no-config -c 'source $argv[1]; complete -C $argv[2]' "$tmp/fish" "$1" | cut -f1; }
	label="fish, a command"; expect "$(fish_complete "ktriage -c 'ca")" "case" "cases"
	label="fish, an enum value"; expect "$(fish_complete "ktriage -c 'cases --status i")" "cases --status in-progress"
	label="fish, the program's option"; expect "$(fish_complete "ktriage --theme ")" "default" "light" "high-contrast"
	label="fish, completion"; expect "$(fish_complete "ktriage completion ")" "bash" "zsh" "fish"
else
	echo "# fish is not installed: its script is only checked by the table above"
fi
exit $fail
