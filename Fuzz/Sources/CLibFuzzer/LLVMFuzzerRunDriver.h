// libFuzzer's driver as a library call (https://llvm.org/docs/LibFuzzer.html#using-libfuzzer-as-a-library):
// the `-sanitize=fuzzer` link provides it; nothing to link beyond that.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*testOneInput)(const uint8_t *data, size_t size));
