#ifndef NEWSDROP_CLINUX_SHIM_H
#define NEWSDROP_CLINUX_SHIM_H
// Linux calls that Glibc's Swift module does not import (they need _GNU_SOURCE or are only
// reachable through the variadic syscall()).
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE (1 << 0)
#endif

/// renameat2(2) with RENAME_NOREPLACE: moves `from` to `to` unless `to` exists (EEXIST).
static inline int newsdrop_rename_noreplace(const char *from, const char *to) {
    return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}
#endif
