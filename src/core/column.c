#include "config.h"
#include "core/column.h"
#include "core/utf8.h"
#include "core/xalloc.h"
#include <limits.h>
#include <stdlib.h>

int column_title_width(const struct column *c)
{
	return utf8_width(c->title);
}

size_t column_count(const struct column *cols)
{
	size_t n = 0;
	while (cols[n].title)
		n++;
	return n;
}

/* Give spare cells to the columns with a weight, by weight, none past its limit; returns what is left. */
static int column_spread(size_t n, const int *weight, const int *limit, int *out, int spare)
{
	while (spare > 0) {
		long total = 0;
		for (size_t i = 0; i < n; i++)
			if (weight[i] > 0 && out[i] < limit[i])
				total += weight[i];
		if (!total)
			break;
		int given = 0;
		for (size_t i = 0; i < n && given < spare; i++) {
			if (weight[i] <= 0 || out[i] >= limit[i])
				continue;
			long share = (long)spare * weight[i] / total;
			if (share < 1)
				share = 1;
			if (share > limit[i] - out[i])
				share = limit[i] - out[i];
			if (share > spare - given)
				share = spare - given;
			out[i] += (int)share;
			given += (int)share;
		}
		spare -= given;
	}
	return spare;
}

void column_layout(const struct column *cols, size_t n, const int *want, int width, int gap, int *out)
{
	if (!n)
		return;
	bool *shown = xcalloc(n, sizeof(bool));
	int *weight = xcalloc(n, sizeof(int));
	int *limit = xcalloc(n, sizeof(int));
	size_t n_shown = n;
	long need = 0;
	for (size_t i = 0; i < n; i++) {
		shown[i] = true;
		need += cols[i].min + (i ? gap : 0);
	}
	/* Too narrow for every minimum: hide the columns that matter least (the rightmost of equals). */
	while (need > width && n_shown > 1) {
		size_t drop = n;
		for (size_t i = 0; i < n; i++)
			if (shown[i] && (drop == n || cols[i].keep <= cols[drop].keep))
				drop = i;
		shown[drop] = false;
		n_shown--;
		need -= cols[drop].min + gap;
	}
	for (size_t i = 0; i < n; i++)
		out[i] = 0;
	if (n_shown == 1 && need > width) {
		for (size_t i = 0; i < n; i++)
			if (shown[i])
				out[i] = width > 0 ? width : 0;
		goto done;
	}
	int *content = xcalloc(n, sizeof(int));
	for (size_t i = 0; i < n; i++) {
		if (!shown[i])
			continue;
		out[i] = cols[i].min;
		/* Without the content's widths, a column may take up to its maximum. */
		content[i] = want ? want[i] : cols[i].max ? cols[i].max : INT_MAX / 2;
		if (content[i] < cols[i].min)
			content[i] = cols[i].min;
		/* A fixed column never grows past its maximum; a growing one only while others still want room. */
		limit[i] = cols[i].max && content[i] > cols[i].max ? (cols[i].max > cols[i].min ? cols[i].max : cols[i].min)
								   : content[i];
	}
	int spare = width - (int)need;
	/* Narrow fixed columns (status words, counts) get their content first: they are never cut for a wider title. */
	for (size_t i = 0; i < n; i++) {
		if (!shown[i] || cols[i].grow)
			continue;
		int more = limit[i] - out[i];
		if (more > spare)
			more = spare;
		out[i] += more;
		spare -= more;
	}
	/*
	 * Then the growing columns reach their content, the highest grow first (the title before the
	 * tags): up to their maximum, then, if room is left, the rest of it, so nothing is cut while
	 * space is empty.
	 */
	for (int pass = 0; pass < 2; pass++) {
		if (pass == 1)
			for (size_t i = 0; i < n; i++)
				if (cols[i].grow)
					limit[i] = content[i];
		for (int level = INT_MAX;;) {
			int next = 0;
			for (size_t i = 0; i < n; i++)
				if (shown[i] && cols[i].grow > next && cols[i].grow < level)
					next = cols[i].grow;
			if (!next)
				break;
			/* Columns of one level share by their grow. */
			for (size_t i = 0; i < n; i++)
				weight[i] = shown[i] && cols[i].grow == next ? cols[i].grow : 0;
			spare = column_spread(n, weight, limit, out, spare);
			level = next;
		}
	}
	free(content);
	for (size_t i = 0; i < n; i++)
		weight[i] = shown[i] ? cols[i].grow : 0;
	/* Room still left widens the growing columns, by their share. */
	for (size_t i = 0; i < n; i++)
		limit[i] = INT_MAX;
	column_spread(n, weight, limit, out, spare);
done:
	free(shown);
	free(weight);
	free(limit);
}
