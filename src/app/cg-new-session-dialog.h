/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CG_TYPE_NEW_SESSION_DIALOG (cg_new_session_dialog_get_type ())
G_DECLARE_FINAL_TYPE (
  CgNewSessionDialog, cg_new_session_dialog, CG, NEW_SESSION_DIALOG, AdwMessageDialog)

/* Emits "template-chosen" with the chosen template's id ("" for an empty
 * session) when the user presses Create. */
CgNewSessionDialog *cg_new_session_dialog_new (GtkWindow *parent);

G_END_DECLS
