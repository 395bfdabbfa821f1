/* Pane core speed: filtering and drawing a list of 100 versus 100,000 rows. */
#include "config.h"
#include "bench_util.h"
#include "core/strbuf.h"
#include "ui/listmodel.h"
#include <stdio.h>
#include <stdlib.h>

static void row_text(void *ctx, size_t row, struct strbuf *out)
{
	(void)ctx;
	strbuf_printf(out, "Suspicious PowerShell on WS-%zu high open ransomware soc tier-2 case-%zu", row % 977, row);
}

static double bench_filter(size_t n)
{
	struct listmodel m;
	listmodel_init(&m, row_text, NULL, NULL);
	listmodel_set_rows(&m, n, 0);
	double t[7];
	for (int r = 0; r < 7; r++) {
		double t0 = bench_now();
		listmodel_set_filter(&m, "ws-42");
		listmodel_set_filter(&m, NULL);
		t[r] = (bench_now() - t0) / 2;
	}
	listmodel_free(&m);
	return bench_median(t, 7);
}

static double bench_scroll(size_t n)
{
	struct listmodel m;
	listmodel_init(&m, row_text, NULL, NULL);
	listmodel_set_rows(&m, n, 0);
	double t[7];
	for (int r = 0; r < 7; r++) {
		double t0 = bench_now();
		/* One screenful: scroll the window, then read the visible rows as a draw would. */
		struct strbuf sb;
		strbuf_init(&sb);
		for (int step = 0; step < 1000; step++) {
			listmodel_move(&m, 37);
			listmodel_scroll(&m, 40);
			for (size_t i = 0; i < 40 && m.top + i < m.n_visible; i++) {
				strbuf_reset(&sb);
				row_text(NULL, m.visible[m.top + i], &sb);
			}
		}
		strbuf_free(&sb);
		t[r] = (bench_now() - t0) / 1000;
		listmodel_set_cursor(&m, 0);
	}
	listmodel_free(&m);
	return bench_median(t, 7);
}

int main(void)
{
	double f_small = bench_filter(100), f_big = bench_filter(100000);
	double s_small = bench_scroll(100), s_big = bench_scroll(100000);
	printf("filter   100 rows: %9.3f ms   100,000 rows: %9.3f ms  (ratio %.0fx for 1000x the rows)\n", f_small * 1e3,
	       f_big * 1e3, f_big / f_small);
	printf("scroll+draw one screen, 100 rows: %7.2f us   100,000 rows: %7.2f us  (ratio %.2f: only visible rows cost)\n",
	       s_small * 1e6, s_big * 1e6, s_big / s_small);
	return 0;
}
