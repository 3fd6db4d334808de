#include "CEditLine.h"

#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/ioctl.h>

int cel_terminal_columns(int fd) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) {
        return 0;
    }
    return size.ws_col;
}

int cel_terminal_rows(int fd) {
    struct winsize size;
    memset(&size, 0, sizeof size);
    if (ioctl(fd, TIOCGWINSZ, &size) != 0) {
        return 0;
    }
    return size.ws_row;
}

// A signal handler can reach no context but globals: this flag is the one piece of process-wide state,
// and it is process-wide by nature (SIGINT is delivered to the process).
static atomic_int interrupt_requested = 0;
static atomic_int interrupt_installed = 0;

static void on_interrupt(int signal_number) {
    (void)signal_number;
    atomic_store(&interrupt_requested, 1);
}

void cel_interrupt_install(void) {
    if (atomic_exchange(&interrupt_installed, 1) != 0) {
        return;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_interrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a blocked read() returns EINTR
    sigaction(SIGINT, &action, NULL);
}

int cel_interrupt_requested(void) {
    return atomic_load(&interrupt_requested);
}

void cel_interrupt_clear(void) {
    atomic_store(&interrupt_requested, 0);
}
