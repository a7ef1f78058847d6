/* fs/vfs/abi.h with x86_64's struct stat and open flags. */
#include "../../../../arch/x86_64/include/arch/stat.h"
#include "abi_cases.h"
