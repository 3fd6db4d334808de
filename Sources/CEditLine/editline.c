#include "CEditLine.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cel_use_utf8_locale(void) {
    setlocale(LC_CTYPE, "");
    const char *codeset = nl_langinfo(CODESET);
    if (codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0)) {
        return 1;
    }
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) {
        setlocale(LC_CTYPE, "en_US.UTF-8");
    }
    codeset = nl_langinfo(CODESET);
    return codeset != NULL && strcmp(codeset, "UTF-8") == 0;
}

EditLine *cel_init(const char *program) {
    return el_init(program, stdin, stdout, stderr);
}

void cel_set_client_data(EditLine *el, void *data) {
    el_set(el, EL_CLIENTDATA, data);
}

void *cel_client_data(EditLine *el) {
    void *data = NULL;
    if (el == NULL || el_get(el, EL_CLIENTDATA, &data) != 0) {
        return NULL;
    }
    return data;
}

int cel_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

int cel_set_signal_handling(EditLine *el, int on) {
    return el_set(el, EL_SIGNAL, on);
}

int cel_prepare_terminal(EditLine *el, int edit) {
    return el_set(el, EL_PREP_TERM, edit);
}

int cel_set_prompt(EditLine *el, cel_prompt_fn fn, wchar_t ignore) {
    return el_wset(el, EL_PROMPT_ESC, fn, (int)ignore);
}

int cel_bind(EditLine *el, const char *key, const char *command) {
    return el_set(el, EL_BIND, key, command, (const char *)NULL);
}

/// Widens an ASCII string into a heap copy that is never freed: libedit keeps the pointer.
static wchar_t *widen_ascii(const char *text) {
    size_t length = strlen(text);
    wchar_t *wide = calloc(length + 1, sizeof(wchar_t));
    if (wide == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < length; i++) {
        wide[i] = (wchar_t)(unsigned char)text[i];
    }
    return wide;
}

int cel_add_function(EditLine *el, const char *name, const char *help, cel_editor_fn fn) {
    wchar_t *wide_name = widen_ascii(name);
    wchar_t *wide_help = widen_ascii(help);
    if (wide_name == NULL || wide_help == NULL) {
        free(wide_name);
        free(wide_help);
        return -1;
    }
    return el_wset(el, EL_ADDFN, wide_name, wide_help, fn);
}

int cel_use_interruptible_input(EditLine *el) {
    return el_wset(el, EL_GETCFN, cel_read_character);
}

int cel_set_history(EditLine *el, HistoryW *history) {
    return el_wset(el, EL_HIST, history_w, history);
}

HistoryW *cel_history_init(int size) {
    HistoryW *history = history_winit();
    if (history == NULL) {
        return NULL;
    }
    HistEventW event;
    history_w(history, &event, H_SETSIZE, size);
    history_w(history, &event, H_SETUNIQUE, 1);
    return history;
}

int cel_history_enter(HistoryW *history, const wchar_t *line) {
    HistEventW event;
    return history_w(history, &event, H_ENTER, line);
}

void cel_write_output(const char *text) {
    fputs(text, stdout);
    fflush(stdout);
}
