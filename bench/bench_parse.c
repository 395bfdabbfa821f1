/* Parsing speed: a _find page of cases and 10,000 cases, JSON text to typed models. */
#include "config.h"
#include "bench_util.h"
#include "api/cases.h"
#include "api/kjson.h"
#include "core/strbuf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void bench_case(struct strbuf *sb, int i)
{
	strbuf_printf(sb,
		      "{\"id\":\"case-%06d-6834-11ea-a78c-6ffb38a34414\",\"version\":\"WzE3NjgsM10=\",\"title\":\"Ransomware note "
		      "found on host-%d\",\"description\":\"Analyst notes for case %d. Several lines of text describing the "
		      "incident, the hosts and the users involved.\",\"owner\":\"securitySolution\",\"category\":null,"
		      "\"status\":\"open\",\"severity\":\"high\",\"tags\":[\"ransomware\",\"soc\",\"tier-2\"],\"assignees\":"
		      "[{\"uid\":\"u_J41Oh6L9ki-Vo2tOogS8WRTENzhHurGtRc87NgEAlkc_0\"}],\"created_at\":\"2026-11-01T10:00:00.000Z\","
		      "\"updated_at\":\"2026-11-20T10:00:00.000Z\",\"closed_at\":null,\"created_by\":{\"username\":\"elastic\","
		      "\"full_name\":null,\"email\":null},\"updated_by\":{\"username\":\"elastic\",\"full_name\":null,"
		      "\"email\":null},\"closed_by\":null,\"totalAlerts\":12,\"totalComment\":3,\"duration\":null,\"settings\":"
		      "{\"syncAlerts\":true},\"connector\":{\"id\":\"none\",\"name\":\"none\",\"type\":\".none\",\"fields\":null},"
		      "\"external_service\":null,\"customFields\":[],\"comments\":[]}",
		      i, i % 97, i);
}

static char *bench_page(int n, size_t *len)
{
	struct strbuf sb;
	strbuf_init(&sb);
	strbuf_printf(&sb, "{\"page\":1,\"per_page\":%d,\"total\":%d,\"cases\":[", n, n);
	for (int i = 0; i < n; i++) {
		if (i)
			strbuf_putc(&sb, ',');
		bench_case(&sb, i);
	}
	strbuf_puts(&sb, "],\"count_open_cases\":1,\"count_in_progress_cases\":1,\"count_closed_cases\":1}");
	return strbuf_detach(&sb, len);
}

static double bench_once(const char *buf, size_t len, int expect)
{
	double t0 = bench_now();
	char *err = NULL;
	json_t *j = kjson_parse(buf, len, &err);
	void *model = NULL;
	if (!j || kmodel_parse(&cases_page_model, j, &model, &err) < 0 || (int)((struct case_page *)model)->n != expect) {
		fprintf(stderr, "bench_parse: %s\n", err ? err : "wrong count");
		exit(1);
	}
	kmodel_free(&cases_page_model, model);
	json_decref(j);
	return bench_now() - t0;
}

int main(void)
{
	const int sizes[] = {100, 10000};
	for (size_t s = 0; s < 2; s++) {
		size_t len;
		char *buf = bench_page(sizes[s], &len);
		double t[9];
		for (int r = 0; r < 9; r++)
			t[r] = bench_once(buf, len, sizes[s]);
		double med = bench_median(t, 9);
		printf("parse %6d cases (%6.2f MiB): median %8.2f ms  %7.1f MiB/s  %9.0f cases/s\n", sizes[s],
		       (double)len / 1048576.0, med * 1000, (double)len / 1048576.0 / med, sizes[s] / med);
		free(buf);
	}
	return 0;
}
