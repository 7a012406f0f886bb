/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_APPLICATION (cg_application_get_type ())
G_DECLARE_FINAL_TYPE (CgApplication, cg_application, CG, APPLICATION, AdwApplication)

CgApplication *cg_application_new (void);

/* Opens @file in its own window (or the window already showing it). Errors
 * are shown in a dialog over @parent, or over a new window when none exists. */
void cg_application_open_file (CgApplication *self, GFile *file, GtkWindow *parent);
/* Shows @session in @prefer when that window holds an untouched session,
 * else in another such window, else in a new one, and returns that window.
 * @prefer may be NULL. */
GtkWindow *cg_application_show_session (CgApplication *self, CgSession *session, GtkWindow *prefer);
/* A fresh, unmodified session from @template_id; NULL for an empty one. */
CgSession *cg_application_create_session (const char *template_id, GError **error);

G_END_DECLS
