/*
 * Fuzz target: a typed command line through the command language as the ':' prompt and
 * `ktriage -c` take it: tokenize, look the command up, parse its arguments (whole and
 * partial, as a form does), describe its usage, and complete at two cursor positions.
 * Also checks that tokenize_quote gives back what tokenize splits.
 */
#include "config.h"
#include "fuzz/fuzz.h"
#include "cmd/cmd.h"
#include "cmd/complete.h"
#include "cmd/parse.h"
#include "cmd/tokenize.h"
#include "core/strbuf.h"
#include <locale.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

/* Ids as a screen would offer them, one with a tab-separated label and one with a blank. */
static void fuzz_ids(void *ctx, enum cmd_id_kind kind, struct strbuf *out)
{
	(void)ctx;
	strbuf_printf(out, "id-%d-a\tlabel\nid-%d-b\n\nodd id\n", (int)kind, (int)kind);
}

/* Every word quoted and joined tokenizes back to the same words. */
static void fuzz_check_quote(int argc, char **argv)
{
	struct strbuf line;
	strbuf_init(&line);
	for (int i = 0; i < argc; i++) {
		if (i)
			strbuf_putc(&line, ' ');
		tokenize_quote(&line, argv[i]);
	}
	int n;
	char **v;
	char *err = NULL;
	FUZZ_CHECK(tokenize(line.buf, &n, &v, &err) == 0);
	FUZZ_CHECK(n == argc);
	for (int i = 0; i < argc; i++)
		FUZZ_CHECK(strcmp(v[i], argv[i]) == 0);
	FUZZ_CHECK(v[n] == NULL);
	tokenize_free(n, v);
	strbuf_free(&line);
}

static void fuzz_parse(const struct cmd_def *def, int argc, char **argv, bool whole)
{
	struct cmd_parsed parsed;
	char *err = NULL;
	int rc = whole ? cmd_parse_args(def, argc, argv, &parsed, &err) : cmd_parse_partial(def, argc, argv, &parsed, &err);
	FUZZ_CHECK((rc < 0) == (err != NULL));
	free(err);
	cmd_parse_free(def, parsed.values);
}

static void fuzz_complete(const char *line, size_t point)
{
	struct completion c;
	complete_line(line, point, fuzz_ids, NULL, &c);
	FUZZ_CHECK(c.start <= point);
	for (size_t i = 0; i < c.n; i++) {
		FUZZ_CHECK(c.items[i] != NULL);
		if (i)
			FUZZ_CHECK(strcmp(c.items[i - 1], c.items[i]) < 0);
	}
	FUZZ_CHECK(c.n == 0 || c.items[c.n] == NULL);
	complete_free(&c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* The prompt hands over a C string: the line ends at the first NUL. */
	char *line = malloc(size + 1);
	FUZZ_CHECK(line != NULL);
	memcpy(line, data, size);
	line[size] = '\0';
	size_t len = strlen(line);

	int argc;
	char **argv;
	char *err = NULL;
	if (tokenize(line, &argc, &argv, &err) == 0) {
		FUZZ_CHECK(argv[argc] == NULL);
		fuzz_check_quote(argc, argv);
		int used = 0;
		const struct cmd_def *def = cmd_lookup(argc, argv, &used);
		if (def) {
			FUZZ_CHECK(used > 0 && used <= argc);
			fuzz_parse(def, argc - used, argv + used, true);
			fuzz_parse(def, argc - used, argv + used, false);
			struct strbuf sb;
			strbuf_init(&sb);
			cmd_help_text(def, &sb);
			strbuf_free(&sb);
		}
		tokenize_free(argc, argv);
	} else {
		FUZZ_CHECK(err != NULL);
		free(err);
	}
	fuzz_complete(line, len);
	fuzz_complete(line, len / 2);
	free(line);
	return 0;
}
