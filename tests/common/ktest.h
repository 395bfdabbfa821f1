/* What every test program includes after config.h: cmocka (with the headers it needs before it) and the shared helpers. */
#ifndef KT_KTEST_H
#define KT_KTEST_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include "testutil.h"

/*
 * cmocka, libcurl and libmicrohttpd fix the callbacks' signatures, so test code may leave
 * parameters unused. Said here, once, rather than by a flag, so the product keeps the warning.
 */
#pragma GCC diagnostic ignored "-Wunused-parameter"

#endif
