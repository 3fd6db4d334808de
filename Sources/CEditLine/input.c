#define _GNU_SOURCE // ppoll
#include "CEditLine.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/// Waits until `fd` is readable. Returns 0 when readable, -1 with errno EINTR once an interrupt is
/// requested. SIGINT is blocked between checking the flag and waiting, and ppoll unblocks it atomically,
/// so a Ctrl-C landing just before the wait is not lost. The one-second timeout re-checks the flag in
/// case another thread took the signal.
static int wait_readable(int fd) {
    sigset_t interrupt, previous;
    sigemptyset(&interrupt);
    sigaddset(&interrupt, SIGINT);
    for (;;) {
        pthread_sigmask(SIG_BLOCK, &interrupt, &previous);
        if (cel_interrupt_requested()) {
            pthread_sigmask(SIG_SETMASK, &previous, NULL);
            errno = EINTR;
            return -1;
        }
        sigset_t waiting = previous;
        sigdelset(&waiting, SIGINT);
        struct pollfd descriptor = {.fd = fd, .events = POLLIN, .revents = 0};
        struct timespec timeout = {.tv_sec = 1, .tv_nsec = 0};
        int ready = ppoll(&descriptor, 1, &timeout, &waiting);
        int saved = errno;
        pthread_sigmask(SIG_SETMASK, &previous, NULL);
        if (ready > 0) {
            return 0;
        }
        if (ready < 0 && saved != EINTR && saved != EAGAIN) {
            errno = saved;
            return 0; // let read() report the error
        }
    }
}

int cel_read_character(EditLine *el, wchar_t *character) {
    FILE *input = NULL;
    int fd = STDIN_FILENO;
    if (el != NULL && el_get(el, EL_GETFP, 0, &input) == 0 && input != NULL) {
        fd = fileno(input);
    }
    mbstate_t state;
    memset(&state, 0, sizeof state);
    size_t pending = 0;
    for (;;) {
        if (wait_readable(fd) != 0) {
            *character = L'\0';
            return -1;
        }
        char byte;
        ssize_t count = read(fd, &byte, 1);
        if (count == 0) {
            *character = L'\0';
            return 0;
        }
        if (count < 0) {
            if (errno == EINTR || errno == EAGAIN) {
                continue; // wait_readable reports a requested interrupt
            }
            *character = L'\0';
            return -1;
        }
        wchar_t decoded;
        size_t used = mbrtowc(&decoded, &byte, 1, &state);
        if (used == (size_t)-2 && ++pending < MB_LEN_MAX) {
            continue; // an incomplete multibyte character
        }
        if (used == (size_t)-1 || used == (size_t)-2) {
            // An invalid sequence: drop it, but decode this byte afresh (it may start a character).
            memset(&state, 0, sizeof state);
            used = pending > 0 ? mbrtowc(&decoded, &byte, 1, &state) : (size_t)-1;
            pending = used == (size_t)-2 ? 1 : 0;
            if (used == (size_t)-1 || used == (size_t)-2) {
                if (used == (size_t)-1) {
                    memset(&state, 0, sizeof state);
                }
                continue;
            }
        }
        *character = decoded;
        return 1;
    }
}
