/* fs/vfs/abi.h with arm64's struct stat and open flags. */
#define ABI_ARCH_AARCH64 1
#include "../../../../arch/aarch64/include/arch/stat.h"
#include "abi_cases.h"
