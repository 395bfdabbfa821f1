/* What one drawn field costs per frame: an ordinary title against pathological ones (200,000 combining marks on
 * one character; a 1 MB line wrapped to the screen). */
#include "config.h"
#include "bench_util.h"
#include "core/strbuf.h"
#include "core/utf8.h"
#include "ui/uifmt.h"
#include <locale.h>
#include <stdio.h>
#include <string.h>

/* One list cell as the pane core draws it: sanitized, measured, padded to its column. */
static double bench_cell(const char *text)
{
	double t[7];
	for (int r = 0; r < 7; r++) {
		double t0 = bench_now();
		for (int i = 0; i < 20; i++) {
			struct strbuf sb, out;
			strbuf_init(&sb);
			strbuf_init(&out);
			uifmt_line(&sb, text);
			int w = utf8_width(sb.buf);
			utf8_pad(&out, sb.buf, w < 60 ? w : 60);
			strbuf_free(&sb);
			strbuf_free(&out);
		}
		t[r] = (bench_now() - t0) / 20;
	}
	return bench_median(t, 7);
}

/* Wrapping one long line to 100 columns, row after row, as a detail view does. */
static double bench_wrap(const char *text)
{
	double t[3];
	size_t len = strlen(text);
	for (int r = 0; r < 3; r++) {
		double t0 = bench_now();
		for (size_t off = 0; off < len;)
			off += utf8_wrap(text + off, 100);
		t[r] = bench_now() - t0;
	}
	return bench_median(t, 3);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const char *plain = "Suspicious PowerShell encoded command on WIN-SQL02 by SYSTEM";
	struct strbuf marks, line;
	strbuf_init(&marks);
	strbuf_init(&line);
	strbuf_puts(&marks, "Z");
	for (int i = 0; i < 200000; i++)
		strbuf_puts(&marks, "\xcc\x81");
	for (int i = 0; i < (1 << 20) / 8; i++)
		strbuf_puts(&line, "word ab ");
	printf("one list cell, ordinary title:            %10.1f us\n", bench_cell(plain) * 1e6);
	printf("one list cell, 200,000 combining marks:   %10.1f us\n", bench_cell(marks.buf) * 1e6);
	printf("wrapping a 1 MiB line to 100 columns:     %10.1f ms\n", bench_wrap(line.buf) * 1e3);
	strbuf_free(&marks);
	strbuf_free(&line);
	return 0;
}
