/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-undo-keys.h: Ctrl+Z in a text field is the session's undo.
 *
 * Every edit in the app is a session edit, and win.undo / win.redo walk the
 * session's history. Text fields therefore have GTK's own undo switched
 * off, so the keys pass on to the window. Fields that give their text to
 * the session later (on Enter, on leaving, after a pause) hand it over
 * first, so that Ctrl+Z takes back the typing just done.
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Writes whatever @widget's fields hold but have not yet given the session. */
typedef void (*CgCommitFunc) (GtkWidget *widget);

/* Switches off GTK's own undo in @field (a GtkEditable or GtkTextView). */
void cg_undo_keys_disable_text_undo (GtkWidget *field);

/* Before Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y from inside @widget reach the
 * window, runs @commit; the keys then go on to win.undo / win.redo. */
void cg_undo_keys_commit_first (GtkWidget *widget, CgCommitFunc commit);

G_END_DECLS
