#include "config.h"
#include "cmd/shellcomp.h"
#include "cmd/cmd.h"
#include "core/strbuf.h"
#include <string.h>

const char *const shellcomp_shells[] = {"bash", "zsh", "fish", NULL};

/*
 * The command table as data every script reads the same way, one command a line:
 *   WORDS <tab> POSITIONALS <tab> OPTIONS
 * POSITIONALS: one word each, "_" for any value or "a,b,c" for its choices, with "*" after the
 * last when it repeats; "-" when there are none. OPTIONS: "--name" (a flag), "--name=" (takes a value), "--name=a,b,c".
 */
static void shellcomp_choices(struct strbuf *out, const struct cmd_arg *a)
{
	for (size_t i = 0; a->type == CMD_ARG_ENUM && a->choices[i]; i++)
		strbuf_printf(out, "%s%s", i ? "," : "", a->choices[i]);
}

static void shellcomp_table(struct strbuf *out)
{
	static const char *const universal = "--yes --json --help";
	for (const struct cmd_def *const *d = cmd_all(); *d; d++) {
		const struct cmd_def *def = *d;
		strbuf_printf(out, "%s\t", def->words);
		size_t n = 0;
		for (size_t i = 0; def->args && def->args[i].name; i++) {
			const struct cmd_arg *a = &def->args[i];
			if (!(a->flags & CMD_POSITIONAL))
				continue;
			if (n++)
				strbuf_putc(out, ' ');
			if (a->type == CMD_ARG_ENUM)
				shellcomp_choices(out, a);
			else
				strbuf_putc(out, '_');
			if (a->flags & (CMD_MULTI | CMD_REST))
				strbuf_putc(out, '*');
		}
		/* An empty field would vanish where a tab counts as blank space (bash's read). */
		if (!n)
			strbuf_putc(out, '-');
		strbuf_putc(out, '\t');
		for (size_t i = 0; def->args && def->args[i].name; i++) {
			const struct cmd_arg *a = &def->args[i];
			if (a->flags & CMD_POSITIONAL)
				continue;
			strbuf_printf(out, "--%s", a->name);
			if (a->type != CMD_ARG_FLAG)
				strbuf_putc(out, '=');
			shellcomp_choices(out, a);
			strbuf_putc(out, ' ');
		}
		strbuf_printf(out, "%s\n", universal);
	}
}

/* The program's options in the same form; a file value is "=:file", a profile "=:profile". */
static void shellcomp_globals(struct strbuf *out, const struct shellcomp_option *o)
{
	for (size_t i = 0; o[i].name; i++) {
		strbuf_printf(out, "%s%s", i ? " " : "", o[i].name);
		if (!o[i].value)
			continue;
		strbuf_putc(out, '=');
		if (o[i].file)
			strbuf_puts(out, ":file");
		else if (!strcmp(o[i].name, "--profile"))
			strbuf_puts(out, ":profile");
		for (size_t k = 0; o[i].choices && o[i].choices[k]; k++)
			strbuf_printf(out, "%s%s", k ? "," : "", o[i].choices[k]);
	}
}

/* A shell's single-quoted string: ' ends it, so it goes as '\''. */
static void shellcomp_quote(struct strbuf *out, const char *s)
{
	strbuf_putc(out, '\'');
	for (; *s; s++) {
		if (*s == '\'')
			strbuf_puts(out, "'\\''");
		else
			strbuf_putc(out, *s);
	}
	strbuf_putc(out, '\'');
}

/* The data every script starts with, as shell variables (fish: set -g). */
static void shellcomp_data(struct strbuf *out, const struct shellcomp_option *options, bool fish)
{
	struct strbuf t;
	strbuf_init(&t);
	shellcomp_table(&t);
	strbuf_puts(out, fish ? "set -g __ktriage_table " : "_ktriage_table=");
	shellcomp_quote(out, t.buf);
	strbuf_putc(out, '\n');
	strbuf_reset(&t);
	shellcomp_globals(&t, options);
	strbuf_puts(out, fish ? "set -g __ktriage_globals " : "_ktriage_globals=");
	shellcomp_quote(out, t.buf);
	strbuf_puts(out, fish ? "\nset -g __ktriage_subcommands help completion serve-demo\n"
			      : "\n_ktriage_subcommands='help completion serve-demo'\n");
	strbuf_puts(out, fish ? "set -g __ktriage_shells" : "_ktriage_shells='");
	for (size_t i = 0; shellcomp_shells[i]; i++)
		strbuf_printf(out, "%s%s", i || fish ? " " : "", shellcomp_shells[i]);
	strbuf_puts(out, fish ? "\n\n" : "'\n\n");
	strbuf_free(&t);
}

/*
 * bash: the candidates for the last word of a command line (the text inside -c '...') come from
 * _ktriage_line, one a line; _ktriage completes the program's own words and hands -c's to it.
 */
static const char bash_script[] =
	"# Candidates for the last word of a command line ($1, as typed inside -c '...'), one a line.\n"
	"_ktriage_line() {\n"
	"\tlocal line=$1 cur head w pos opts n best= bestn=0 bpos= bopts= next o k=0 i skip=0 IFS=$' \\t\\n'\n"
	"\tlocal -a words cw rest specs\n"
	"\tcur=${line##*[[:space:]]}\n"
	"\thead=${line%\"$cur\"}\n"
	"\tread -ra words <<< \"$head\"\n"
	"\twhile IFS=$'\\t' read -r w pos opts; do\n"
	"\t\tread -ra cw <<< \"$w\"\n"
	"\t\tn=${#cw[@]}\n"
	"\t\t(( n > ${#words[@]} || n <= bestn )) && continue\n"
	"\t\t[[ \"${words[*]:0:n}\" == \"$w\" ]] || continue\n"
	"\t\tbest=$w bestn=$n bpos=$pos bopts=$opts\n"
	"\tdone <<< \"$_ktriage_table\"\n"
	"\tif [[ -z $best ]]; then\n"
	"\t\twhile IFS=$'\\t' read -r w pos opts; do\n"
	"\t\t\tif (( ${#words[@]} == 0 )); then next=${w%% *}\n"
	"\t\t\telif [[ $w == \"${words[*]} \"* ]]; then next=${w#\"${words[*]} \"}; next=${next%% *}\n"
	"\t\t\telse continue; fi\n"
	"\t\t\t[[ $next == \"$cur\"* ]] && printf '%s\\n' \"$next\"\n"
	"\t\tdone <<< \"$_ktriage_table\" | sort -u\n"
	"\t\treturn\n"
	"\tfi\n"
	"\trest=(\"${words[@]:bestn}\")\n"
	"\tif (( ${#rest[@]} )) && [[ ${rest[-1]} == --* ]]; then\n"
	"\t\tfor o in $bopts; do\n"
	"\t\t\tif [[ $o == \"${rest[-1]}=\"* ]]; then\n"
	"\t\t\t\to=${o#*=}\n"
	"\t\t\t\t[[ -n $o ]] && compgen -W \"${o//,/ }\" -- \"$cur\"\n"
	"\t\t\t\treturn\n"
	"\t\t\tfi\n"
	"\t\tdone\n"
	"\tfi\n"
	"\tif [[ $cur == -* ]]; then\n"
	"\t\tfor o in $bopts; do printf '%s\\n' \"${o%%=*}\"; done | while read -r o; do [[ $o == \"$cur\"* ]] && printf '%s\\n' \"$o\"; done\n"
	"\t\treturn\n"
	"\tfi\n"
	"\tfor ((i = 0; i < ${#rest[@]}; i++)); do\n"
	"\t\tif (( skip )); then skip=0; continue; fi\n"
	"\t\tif [[ ${rest[i]} == --* ]]; then\n"
	"\t\t\tfor o in $bopts; do [[ $o == \"${rest[i]}=\"* ]] && skip=1; done\n"
	"\t\t\tcontinue\n"
	"\t\tfi\n"
	"\t\t((k++))\n"
	"\tdone\n"
	"\t[[ $bpos == - ]] && bpos=\n"
	"\tread -ra specs <<< \"$bpos\"\n"
	"\to=\n"
	"\tif (( k < ${#specs[@]} )); then o=${specs[k]}\n"
	"\telif (( ${#specs[@]} )) && [[ ${specs[-1]} == *'*' ]]; then o=${specs[-1]}; fi\n"
	"\to=${o%'*'}\n"
	"\t[[ -n $o && $o != _ ]] && compgen -W \"${o//,/ }\" -- \"$cur\"\n"
	"}\n"
	"\n"
	"_ktriage() {\n"
	"\tlocal cur=${COMP_WORDS[COMP_CWORD]} prev= o line c IFS=$'\\n'\n"
	"\t(( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
	"\tCOMPREPLY=()\n"
	"\tif [[ $prev == -c || $prev == --command ]]; then\n"
	"\t\t# Inside the quotes: readline completes the text after the opening quote.\n"
	"\t\tline=$cur\n"
	"\t\tcase $line in \\'*|\\\"*) line=${line:1} ;; esac\n"
	"\t\tfor c in $(_ktriage_line \"$line\"); do COMPREPLY+=(\"${line%\"${line##*[[:space:]]}\"}$c\"); done\n"
	"\t\t# One match would make readline close the quote: a twin with a space keeps it open.\n"
	"\t\t(( ${#COMPREPLY[@]} == 1 )) && COMPREPLY+=(\"${COMPREPLY[0]} \")\n"
	"\t\tcompopt -o nospace 2>/dev/null\n"
	"\t\treturn\n"
	"\tfi\n"
	"\tif (( COMP_CWORD >= 2 )) && [[ ${COMP_WORDS[1]} == help ]]; then\n"
	"\t\tline=\"${COMP_WORDS[*]:2:COMP_CWORD-2}\"\n"
	"\t\tCOMPREPLY=($(_ktriage_line \"${line:+$line }$cur\"))\n"
	"\t\treturn\n"
	"\tfi\n"
	"\tif (( COMP_CWORD == 2 )) && [[ $prev == completion ]]; then\n"
	"\t\tCOMPREPLY=($(IFS=' '; compgen -W \"$_ktriage_shells\" -- \"$cur\"))\n"
	"\t\treturn\n"
	"\tfi\n"
	"\tif [[ $prev == -* ]]; then\n"
	"\t\tfor o in ${_ktriage_globals// /$'\\n'}; do\n"
	"\t\t\t[[ $o == \"$prev=\"* ]] || continue\n"
	"\t\t\to=${o#*=}\n"
	"\t\t\tcase $o in\n"
	"\t\t\t:file) COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n"
	"\t\t\t:profile) COMPREPLY=($(sed -n 's/^[[:space:]]*\\[profile[[:space:]]*\\([^]]*\\)\\].*/\\1/p' "
	"\"${XDG_CONFIG_HOME:-$HOME/.config}/ktriage/config\" 2>/dev/null | while read -r c; do [[ $c == \"$cur\"* ]] && printf '%s\\n' \"$c\"; done)) ;;\n"
	"\t\t\t?*) COMPREPLY=($(IFS=' '; compgen -W \"${o//,/ }\" -- \"$cur\")) ;;\n"
	"\t\t\tesac\n"
	"\t\t\treturn\n"
	"\t\tdone\n"
	"\tfi\n"
	"\tif [[ $cur == -* ]]; then\n"
	"\t\tfor o in ${_ktriage_globals// /$'\\n'}; do [[ ${o%%=*} == \"$cur\"* ]] && COMPREPLY+=(\"${o%%=*}\"); done\n"
	"\telif (( COMP_CWORD == 1 )); then\n"
	"\t\tCOMPREPLY=($(IFS=' '; compgen -W \"$_ktriage_subcommands\" -- \"$cur\"))\n"
	"\tfi\n"
	"}\n"
	"complete -F _ktriage ktriage\n";

/* zsh: the same reading in zsh; compset -q splits the quoted -c argument into its own words. */
static const char zsh_script[] =
	"# Candidates for the last word of a command line ($1, as typed inside -c '...'), one a line.\n"
	"_ktriage_line() {\n"
	"\tlocal line=$1 cur head w pos opts best= bpos= bopts= next o\n"
	"\tinteger n bestn=0 k=0 i skip=0\n"
	"\tlocal -a ws cw rest specs row\n"
	"\tcur=${line##*[[:space:]]}\n"
	"\thead=${line%$cur}\n"
	"\tws=(${=head})\n"
	"\tfor row in \"${(@f)_ktriage_table}\"; do\n"
	"\t\tw=${row%%$'\\t'*}\n"
	"\t\tcw=(${=w})\n"
	"\t\tn=${#cw}\n"
	"\t\t(( n > ${#ws} || n <= bestn )) && continue\n"
	"\t\t[[ \"${ws[1,n]}\" == \"$w\" ]] || continue\n"
	"\t\tbest=$w bestn=$n\n"
	"\t\tpos=${row#*$'\\t'}\n"
	"\t\tbpos=${pos%%$'\\t'*} bopts=${pos#*$'\\t'}\n"
	"\tdone\n"
	"\tif [[ -z $best ]]; then\n"
	"\t\tfor row in \"${(@f)_ktriage_table}\"; do\n"
	"\t\t\tw=${row%%$'\\t'*}\n"
	"\t\t\tif (( ${#ws} == 0 )); then next=${w%% *}\n"
	"\t\t\telif [[ $w == \"${ws[*]} \"* ]]; then next=${w#\"${ws[*]} \"}; next=${next%% *}\n"
	"\t\t\telse continue; fi\n"
	"\t\t\t[[ $next == \"$cur\"* ]] && print -r -- \"$next\"\n"
	"\t\tdone | sort -u\n"
	"\t\treturn\n"
	"\tfi\n"
	"\trest=(${ws[bestn+1,-1]})\n"
	"\tif (( ${#rest} )) && [[ ${rest[-1]} == --* ]]; then\n"
	"\t\tfor o in ${=bopts}; do\n"
	"\t\t\tif [[ $o == \"${rest[-1]}=\"* ]]; then\n"
	"\t\t\t\to=${o#*=}\n"
	"\t\t\t\tfor w in ${(s:,:)o}; do [[ $w == \"$cur\"* ]] && print -r -- \"$w\"; done\n"
	"\t\t\t\treturn\n"
	"\t\t\tfi\n"
	"\t\tdone\n"
	"\tfi\n"
	"\tif [[ $cur == -* ]]; then\n"
	"\t\tfor o in ${=bopts}; do [[ ${o%%=*} == \"$cur\"* ]] && print -r -- \"${o%%=*}\"; done\n"
	"\t\treturn\n"
	"\tfi\n"
	"\tfor (( i = 1; i <= ${#rest}; i++ )); do\n"
	"\t\tif (( skip )); then skip=0; continue; fi\n"
	"\t\tif [[ ${rest[i]} == --* ]]; then\n"
	"\t\t\tfor o in ${=bopts}; do [[ $o == \"${rest[i]}=\"* ]] && skip=1; done\n"
	"\t\t\tcontinue\n"
	"\t\tfi\n"
	"\t\t(( k++ ))\n"
	"\tdone\n"
	"\t[[ $bpos == - ]] && bpos=\n"
	"\tspecs=(${=bpos})\n"
	"\to=\n"
	"\tif (( k < ${#specs} )); then o=${specs[k+1]}\n"
	"\telif (( ${#specs} )) && [[ ${specs[-1]} == *'*' ]]; then o=${specs[-1]}; fi\n"
	"\to=${o%\\*}\n"
	"\t[[ -n $o && $o != _ ]] && for w in ${(s:,:)o}; do [[ $w == \"$cur\"* ]] && print -r -- \"$w\"; done\n"
	"\treturn 0\n"
	"}\n"
	"\n"
	"_ktriage() {\n"
	"\tlocal cur=${words[CURRENT]} prev=${words[CURRENT-1]} o line\n"
	"\tlocal -a cands\n"
	"\tif [[ $prev == -c || $prev == --command ]]; then\n"
	"\t\tcompset -q\n"
	"\t\tline=\"${(j: :)words[1,CURRENT]}\"\n"
	"\t\tcands=(${(f)\"$(_ktriage_line \"$line\")\"})\n"
	"\t\tcompadd -a cands\n"
	"\t\treturn\n"
	"\tfi\n"
	"\tif (( CURRENT >= 3 )) && [[ ${words[2]} == help ]]; then\n"
	"\t\tline=\"${(j: :)words[3,CURRENT]}\"\n"
	"\t\tcands=(${(f)\"$(_ktriage_line \"$line\")\"})\n"
	"\t\tcompadd -a cands\n"
	"\t\treturn\n"
	"\tfi\n"
	"\tif (( CURRENT == 3 )) && [[ $prev == completion ]]; then\n"
	"\t\tcompadd ${=_ktriage_shells}\n"
	"\t\treturn\n"
	"\tfi\n"
	"\tif [[ $prev == -* ]]; then\n"
	"\t\tfor o in ${=_ktriage_globals}; do\n"
	"\t\t\t[[ $o == \"$prev=\"* ]] || continue\n"
	"\t\t\to=${o#*=}\n"
	"\t\t\tcase $o in\n"
	"\t\t\t:file) _files ;;\n"
	"\t\t\t:profile) compadd ${(f)\"$(sed -n 's/^[[:space:]]*\\[profile[[:space:]]*\\([^]]*\\)\\].*/\\1/p' "
	"\"${XDG_CONFIG_HOME:-$HOME/.config}/ktriage/config\" 2>/dev/null)\"} ;;\n"
	"\t\t\t?*) compadd ${(s:,:)o} ;;\n"
	"\t\t\tesac\n"
	"\t\t\treturn\n"
	"\t\tdone\n"
	"\tfi\n"
	"\tif [[ $cur == -* ]]; then\n"
	"\t\tcompadd ${${=_ktriage_globals}%%=*}\n"
	"\telif (( CURRENT == 2 )); then\n"
	"\t\tcompadd ${=_ktriage_subcommands}\n"
	"\tfi\n"
	"}\n"
	"\n"
	"_ktriage \"$@\"\n";

/* fish: the same reading in fish, for the -c argument and the program's own words. */
static const char fish_script[] =
	"# Candidates for the last word of a command line (as typed inside -c '...'), one a line.\n"
	"function __ktriage_line\n"
	"\tset -l line $argv[1]\n"
	"\tset -l cur (string match -r '[^ ]*$' -- $line)\n"
	"\tset -l words (string split -n ' ' -- (string sub -l (math (string length -- $line) - (string length -- $cur)) -- $line))\n"
	"\tset -l best ''; set -l bestn 0; set -l bpos ''; set -l bopts ''\n"
	"\tfor row in (string split \\n -- $__ktriage_table)\n"
	"\t\tset -l f (string split \\t -- $row)\n"
	"\t\tset -l cw (string split ' ' -- $f[1])\n"
	"\t\tset -l n (count $cw)\n"
	"\t\tif test $n -gt (count $words); or test $n -le $bestn; continue; end\n"
	"\t\tif test \"$words[1..$n]\" != \"$f[1]\"; continue; end\n"
	"\t\tset best $f[1]; set bestn $n; set bpos $f[2]; set bopts $f[3]\n"
	"\tend\n"
	"\tif test -z \"$best\"\n"
	"\t\tfor row in (string split \\n -- $__ktriage_table)\n"
	"\t\t\tset -l w (string split \\t -- $row)[1]\n"
	"\t\t\tset -l next\n"
	"\t\t\tif test (count $words) -eq 0\n"
	"\t\t\t\tset next (string split ' ' -- $w)[1]\n"
	"\t\t\telse if string match -q -- \"$words \"'*' $w\n"
	"\t\t\t\tset next (string split ' ' -- (string replace -- \"$words \" '' $w))[1]\n"
	"\t\t\telse\n"
	"\t\t\t\tcontinue\n"
	"\t\t\tend\n"
	"\t\t\tstring match -q -- \"$cur*\" $next; and echo $next\n"
	"\t\tend | sort -u\n"
	"\t\treturn\n"
	"\tend\n"
	"\tset -l rest $words[(math $bestn + 1)..-1]\n"
	"\tif test $bestn -eq (count $words); set rest; end\n"
	"\tset -l opts (string split -n ' ' -- $bopts)\n"
	"\tif test (count $rest) -gt 0; and string match -q -- '--*' $rest[-1]\n"
	"\t\tfor o in $opts\n"
	"\t\t\tif string match -q -- \"$rest[-1]=*\" $o\n"
	"\t\t\t\tfor v in (string split -n ',' -- (string replace -r '^[^=]*=' '' -- $o))\n"
	"\t\t\t\t\tstring match -q -- \"$cur*\" $v; and echo $v\n"
	"\t\t\t\tend\n"
	"\t\t\t\treturn\n"
	"\t\t\tend\n"
	"\t\tend\n"
	"\tend\n"
	"\tif string match -q -- '-*' $cur\n"
	"\t\tfor o in $opts\n"
	"\t\t\tset -l name (string replace -r '=.*' '' -- $o)\n"
	"\t\t\tstring match -q -- \"$cur*\" $name; and echo $name\n"
	"\t\tend\n"
	"\t\treturn\n"
	"\tend\n"
	"\tset -l k 0; set -l skip 0\n"
	"\tfor r in $rest\n"
	"\t\tif test $skip -eq 1; set skip 0; continue; end\n"
	"\t\tif string match -q -- '--*' $r\n"
	"\t\t\tfor o in $opts\n"
	"\t\t\t\tstring match -q -- \"$r=*\" $o; and set skip 1\n"
	"\t\t\tend\n"
	"\t\t\tcontinue\n"
	"\t\tend\n"
	"\t\tset k (math $k + 1)\n"
	"\tend\n"
	"\tset -l specs (string split -n ' ' -- (string replace -r '^-$' '' -- $bpos))\n"
	"\tset -l spec ''\n"
	"\tif test $k -lt (count $specs)\n"
	"\t\tset spec $specs[(math $k + 1)]\n"
	"\telse if test (count $specs) -gt 0; and string match -q -- '*\\*' $specs[-1]\n"
	"\t\tset spec $specs[-1]\n"
	"\tend\n"
	"\tset spec (string replace -r '\\*$' '' -- $spec)\n"
	"\tif test -n \"$spec\"; and test \"$spec\" != _\n"
	"\t\tfor v in (string split ',' -- $spec)\n"
	"\t\t\tstring match -q -- \"$cur*\" $v; and echo $v\n"
	"\t\tend\n"
	"\tend\n"
	"end\n"
	"\n"
	"# The whole -c argument so far: what it was, plus one candidate for its last word.\n"
	"function __ktriage_command\n"
	"\tset -l line (commandline -ct | string replace -r '^[\\'\"]' '')\n"
	"\tset -l head (string replace -r '[^ ]*$' '' -- $line)\n"
	"\tfor c in (__ktriage_line $line)\n"
	"\t\techo \"$head$c\"\n"
	"\tend\n"
	"end\n"
	"\n"
	"function __ktriage_global_values\n"
	"\tset -l prev (commandline -opc)[-1]\n"
	"\tfor o in (string split ' ' -- $__ktriage_globals)\n"
	"\t\tstring match -q -- \"$prev=*\" $o; or continue\n"
	"\t\tset -l v (string replace -r '^[^=]*=' '' -- $o)\n"
	"\t\tswitch $v\n"
	"\t\tcase :file\n"
	"\t\t\t__fish_complete_path (commandline -ct)\n"
	"\t\tcase :profile\n"
	"\t\t\tset -l dir $XDG_CONFIG_HOME; test -n \"$dir\"; or set dir $HOME/.config\n"
	"\t\t\tsed -n 's/^[[:space:]]*\\[profile[[:space:]]*\\([^]]*\\)\\].*/\\1/p' $dir/ktriage/config 2>/dev/null\n"
	"\t\tcase '*'\n"
	"\t\t\tstring split -n ',' -- $v\n"
	"\t\tend\n"
	"\tend\n"
	"end\n"
	"\n"
	"complete -c ktriage -f\n"
	"complete -c ktriage -n '__fish_is_first_token' -a \"$__ktriage_subcommands\"\n"
	"complete -c ktriage -n '__fish_seen_subcommand_from completion' -a \"$__ktriage_shells\"\n"
	"complete -c ktriage -n '__fish_seen_subcommand_from help' -a '(__ktriage_line (commandline -ct))'\n"
	"for o in (string split ' ' -- $__ktriage_globals)\n"
	"\tset -l name (string replace -r '=.*' '' -- $o)\n"
	"\tset -l long (string replace -r '^--' '' -- $name)\n"
	"\tif test $name = --command\n"
	"\t\tcontinue\n"
	"\telse if string match -q -- '*=*' $o\n"
	"\t\tcomplete -c ktriage -l $long -x -a '(__ktriage_global_values)'\n"
	"\telse\n"
	"\t\tcomplete -c ktriage -l $long\n"
	"\tend\n"
	"end\n"
	"complete -c ktriage -s c -l command -x -a '(__ktriage_command)'\n";

bool shellcomp_script(const char *shell, const struct shellcomp_option *options, struct strbuf *out)
{
	const char *body = !strcmp(shell, "bash") ? bash_script : !strcmp(shell, "zsh") ? zsh_script
				: !strcmp(shell, "fish") ? fish_script : NULL;
	if (!body)
		return false;
	if (!strcmp(shell, "zsh"))
		strbuf_puts(out, "#compdef ktriage\n");
	strbuf_printf(out, "# %s completion for ktriage, made from its command table (`ktriage completion %s`).\n",
		      shell, shell);
	strbuf_puts(out, "# Inside -c '...' it completes commands, their options and the values of their choices.\n\n");
	shellcomp_data(out, options, !strcmp(shell, "fish"));
	strbuf_puts(out, body);
	return true;
}
