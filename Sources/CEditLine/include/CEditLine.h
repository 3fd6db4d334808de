// C shim over libedit for the LineEditing module.
//
// Swift cannot call C variadic functions (el_set, el_wset, el_get, history_w) nor reference the stdio
// globals under Swift 6 concurrency checking, so every such use is wrapped here in a plain function.
// Everything else (el_wgets, el_wline, el_winsertstr, el_deletestr, el_cursor, el_end, history_wend)
// is called from Swift directly through <histedit.h>.
#pragma once

#include <histedit.h>
#include <wchar.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A libedit prompt function returning a NUL-terminated wide string owned by the caller.
typedef wchar_t *_Nullable (*cel_prompt_fn)(EditLine *_Nullable);
/// A libedit editor function (EL_ADDFN): returns one of the CC_* codes.
typedef unsigned char (*cel_editor_fn)(EditLine *_Nullable, int);

/// Makes LC_CTYPE a UTF-8 locale: the environment's if its codeset is UTF-8, otherwise "C.UTF-8".
/// Returns 1 when the resulting codeset is UTF-8.
int cel_use_utf8_locale(void);

/// `el_init(prog, stdin, stdout, stderr)`.
EditLine *_Nullable cel_init(const char *_Nonnull program);
void cel_set_client_data(EditLine *_Nonnull el, void *_Nullable data);
void *_Nullable cel_client_data(EditLine *_Nullable el);
/// `EL_EDITOR`: "emacs" or "vi".
int cel_set_editor(EditLine *_Nonnull el, const char *_Nonnull mode);
/// `EL_SIGNAL`: 0 leaves signal handling to the program.
int cel_set_signal_handling(EditLine *_Nonnull el, int on);
/// `EL_PREP_TERM`: 1 puts the terminal in edit (raw) mode now, 0 back to cooked mode.
int cel_prepare_terminal(EditLine *_Nonnull el, int edit);
/// `EL_PROMPT_ESC`: characters between two `ignore` characters are printed but take no columns.
int cel_set_prompt(EditLine *_Nonnull el, cel_prompt_fn _Nonnull fn, wchar_t ignore);
/// `EL_BIND key command`; `key` uses libedit's notation (`\e[H`, `^R`).
int cel_bind(EditLine *_Nonnull el, const char *_Nonnull key, const char *_Nonnull command);
/// `EL_ADDFN name help fn`; name and help are copied (ASCII) and live as long as the process.
int cel_add_function(EditLine *_Nonnull el, const char *_Nonnull name, const char *_Nonnull help,
                     cel_editor_fn _Nonnull fn);
/// `EL_GETCFN`: reads keys with `cel_read_character`, which returns at once when Ctrl-C is pressed even
/// if the signal arrives just before the read would block (libedit's own reader would then wait on).
int cel_use_interruptible_input(EditLine *_Nonnull el);
/// Reads one character from the editor's input file (UTF-8 or the locale's encoding): 1 when read,
/// 0 at end of input, -1 with errno EINTR once `cel_interrupt_requested()` (or errno of a failed read).
int cel_read_character(EditLine *_Nullable el, wchar_t *_Nonnull character);
/// `EL_HIST history_w, history`.
int cel_set_history(EditLine *_Nonnull el, HistoryW *_Nonnull history);

/// `history_winit()` with `H_SETSIZE size` and `H_SETUNIQUE 1` (no consecutive duplicates).
HistoryW *_Nullable cel_history_init(int size);
/// `H_ENTER line`.
int cel_history_enter(HistoryW *_Nonnull history, const wchar_t *_Nonnull line);

/// Writes UTF-8 text to the stdout FILE that libedit uses, then flushes it.
void cel_write_output(const char *_Nonnull text);

/// Columns of the terminal on `fd` (TIOCGWINSZ), or 0 when unknown.
int cel_terminal_columns(int fd);
/// Rows of the terminal on `fd`, or 0 when it is not a terminal.
int cel_terminal_rows(int fd);

/// Installs a SIGINT handler (sigaction without SA_RESTART) that sets an atomic flag, so a blocked
/// read returns EINTR instead of the process dying. Idempotent.
void cel_interrupt_install(void);
int cel_interrupt_requested(void);
void cel_interrupt_clear(void);

#ifdef __cplusplus
}
#endif
