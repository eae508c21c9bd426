/*
 * lock.c — one writer at a time: the store's writer lock (store.h).
 *
 * Two `add` runs on one store would each keep their own stories in memory
 * and start stories under the same ids, mixing events (issue #15); SQLite
 * locks each transaction, not a run.  So a writer takes an exclusive
 * flock(2) on a file next to the store, PATH.lock, for its whole run.
 *
 * Why flock on a file of its own: the kernel releases it when the process
 * ends in any way, kill -9 included, so there is never a stale lock to
 * clean up; and it is independent of SQLite's own (fcntl) locks on the
 * store, so readers, which take no writer lock, keep working (WAL).  The
 * file is never removed (removing it while another process waits on it
 * would let a third one lock a new file): the lock is the flock, not the
 * file's existence.  While held, the file says who holds it — "pid 123 on
 * host h since 2026-12-07T16:30:00Z" — which a refused writer quotes; it is
 * emptied when the lock is released.
 *
 * flock on NFS is emulated with fcntl locks by Linux, which still excludes
 * writers on different clients.
 */
#define _DEFAULT_SOURCE /* flock */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"

struct px_store_lock {
    int fd;
};

/* What the lock file says about its holder, into out (trimmed).  A holder
 * that has just taken the lock may not have written it yet: read again
 * for up to a second (a loaded machine can hold a process back that long
 * between its flock and its write). */
static void read_holder(int fd, char *out, size_t size)
{
    ssize_t n = 0;
    for (int tries = 0; tries < 50; tries++) {
        n = pread(fd, out, size - 1, 0);
        if (n > 0) break;
        n = 0;
        nanosleep(&(struct timespec){0, 20 * 1000 * 1000}, NULL);
    }
    out[n] = '\0';
    while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == ' ')) out[--n] = '\0';
    if (!n) snprintf(out, size, "holder not yet recorded");
}

static void write_holder(int fd)
{
    char host[256] = "?", when[32] = "?", line[400];
    if (gethostname(host, sizeof host) != 0) snprintf(host, sizeof host, "?");
    host[sizeof host - 1] = '\0';
    time_t t = time(NULL);
    struct tm tm;
    if (gmtime_r(&t, &tm)) strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
    int n = snprintf(line, sizeof line, "pid %ld on host %s since %s\n", (long)getpid(), host, when);
    if (ftruncate(fd, 0) == 0 && pwrite(fd, line, (size_t)n, 0) != n) {
        /* the record is informative only: the lock holds without it */
    }
}

px_status px_store_lock_take(const char *path, int wait,
                             void (*waiting)(const char *holder, void *ud), void *ud,
                             px_store_lock **out, px_error *err)
{
    *out = NULL;
    char name[4096];
    if (snprintf(name, sizeof name, "%s.lock", path) >= (int)sizeof name)
        return px_error_set(err, PX_EUSAGE, path, 0, 0, "the store's path is too long");
    int fd = open(name, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return px_error_set(err, PX_EIO, name, 0, 0, "cannot make the store's lock file: %s",
                            strerror(errno));
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        char holder[300];
        read_holder(fd, holder, sizeof holder);
        if (e != EWOULDBLOCK) {
            close(fd);
            return px_error_set(err, PX_EIO, name, 0, 0, "cannot lock the store: %s", strerror(e));
        }
        if (!wait) {
            close(fd);
            return px_error_set(err, PX_EIO, path, 0, 0,
                                "another writer is adding to this store (%s; lock file %s); "
                                "one writer at a time: nothing was written (wait for it, or "
                                "run add with --wait)", holder, name);
        }
        if (waiting) waiting(holder, ud);
        while (flock(fd, LOCK_EX) != 0) {
            if (errno != EINTR) {
                e = errno;
                close(fd);
                return px_error_set(err, PX_EIO, name, 0, 0, "cannot lock the store: %s",
                                    strerror(e));
            }
        }
    }
    write_holder(fd);
    px_store_lock *l = px_xcalloc(1, sizeof *l);
    l->fd = fd;
    *out = l;
    return PX_OK;
}

void px_store_lock_release(px_store_lock *l)
{
    if (!l) return;
    if (ftruncate(l->fd, 0) != 0) {
        /* a stale record names a process that no longer holds the lock: harmless */
    }
    close(l->fd); /* releases the flock */
    free(l);
}
