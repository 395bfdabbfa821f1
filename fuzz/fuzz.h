/* What the fuzz targets share: libFuzzer's entry points and a check that aborts loudly. */
#ifndef KT_FUZZ_H
#define KT_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* libFuzzer's optional start-up hook (argc/argv are libFuzzer's own). */
int LLVMFuzzerInitialize(int *argc, char ***argv);
/* libFuzzer's entry point: one input; a crash, leak or abort is a finding. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort with the broken invariant named, so libFuzzer saves the input as a crash. */
#define FUZZ_CHECK(cond)                                                                    \
	do {                                                                                \
		if (!(cond)) {                                                              \
			fprintf(stderr, "%s:%d: invariant broken: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                            \
		}                                                                           \
	} while (0)

#endif
