/* A stand-in for `ktriage serve-demo` while the tests need one: runs demo_main with the same arguments. */
#include "config.h"
#include "demo/demo.h"

int main(int argc, char **argv)
{
	return demo_main(argc, argv);
}
