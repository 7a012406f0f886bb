/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers for the widget tests: a display or a skip, the main loop, and
 * finding widgets by the words a person sees on them. */
#pragma once

#include <adwaita.h>

#include "cg-session.h"
#include "cg-window.h"

G_BEGIN_DECLS

/* The exit status meson counts as "skipped". */
#define CG_TEST_SKIP 77

/* Initialises GTK and libadwaita; FALSE when there is no display. */
gboolean cg_test_init_display (void);
void cg_test_iterate (void);
/* Runs the main loop until @cond holds or @timeout_ms pass; returns @cond. */
gboolean cg_test_wait_for (gboolean (*cond) (gpointer data), gpointer data, guint timeout_ms);
/* The first widget under @root (depth first) of @type whose label, title,
 * placeholder, tooltip or accessible-looking text equals @text. */
GtkWidget *cg_test_find (GtkWidget *root, GType type, const char *text);
/* The window's sidebar list of stages (the list styled "stage-list"). */
GtkListBox *cg_test_find_stage_list (GtkWidget *root);
/* A top-level window holding @child, shown. */
GtkWindow *cg_test_window_new (GtkWidget *child);
/* Replaces the text of @editable the way typing would: delete, then insert
 * at the cursor. */
void cg_test_type (GtkEditable *editable, const char *text);

/* Three partners as (name, organisation, role) triples, one without an
 * organisation: "Alex Smith", "Sam Jones", "Priya Patel"; two statements
 * and two tasks. Each list ends in NULL. */
extern const char *const cg_test_partners[];
extern const char *const cg_test_statements[];
extern const char *const cg_test_tasks[];

/* A new session for a test: @partners as (name, organisation, role)
 * triples, @statements in lesson 1, @tasks in role clarity, each list
 * ending in NULL (or NULL for none). The ids given go to @partner_ids,
 * @statement_ids and @task_ids when they are not NULL. */
CgSession *cg_test_session_new (const char *const *partners,
                                guint *partner_ids,
                                const char *const *statements,
                                guint *statement_ids,
                                const char *const *tasks,
                                guint *task_ids);
/* The application window on @session, presented, the main loop run; the
 * pointer it is stored in is cleared when the window goes. */
void cg_test_show_window (CgSession *session, CgWindow **window);

G_END_DECLS
