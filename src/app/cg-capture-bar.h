/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-capture-bar.h: the controls above a capture grid: "Pass the laptop to"
 * a partner (private entry, view state only), "Back to all partners", and
 * Reveal / Hide for a session whose answers are hidden until revealed.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-session.h"

G_BEGIN_DECLS

#define CG_TYPE_CAPTURE_BAR (cg_capture_bar_get_type ())
G_DECLARE_FINAL_TYPE (CgCaptureBar, cg_capture_bar, CG, CAPTURE_BAR, GtkWidget)

GtkWidget *cg_capture_bar_new (void);
void cg_capture_bar_set_session (CgCaptureBar *self, CgSession *session);
void cg_capture_bar_set_stage (CgCaptureBar *self, CgStage stage);
/* The partner the laptop is passed to; 0 = everyone shown. */
guint cg_capture_bar_get_private_partner (CgCaptureBar *self);
void cg_capture_bar_set_private_partner (CgCaptureBar *self, guint partner_id);

G_END_DECLS
