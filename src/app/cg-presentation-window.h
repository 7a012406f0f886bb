/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-presentation-window.h: the presentation view (F5).
 *
 * A second window, fullscreen on a second monitor when there is one (else
 * on the main window's), that shows only what the room should see for the
 * main window's current stage, in type sized from the screen's height
 * (30 px base text at 1080 lines, statements 1.6 times that, chart text
 * never under 24 px). It follows the main window's stage and, on a rating
 * stage, the statement or aim the capture grid's cursor is on. Page Down,
 * Right and Space step forward through the stage's items (past the last,
 * on to the next stage), Page Up, Left and Backspace back; Down and Up
 * scroll an item taller than the screen, then step; Home and End; Esc or
 * F5 leave. The exercise timer shows large while it runs. While the room
 * is open it shows how to join, then how many have answered
 * (cg-presentation-room.h).
 */
#pragma once

#include <adwaita.h>
#include "cg-window.h"

G_BEGIN_DECLS

#define CG_TYPE_PRESENTATION_WINDOW (cg_presentation_window_get_type ())
G_DECLARE_FINAL_TYPE (
  CgPresentationWindow, cg_presentation_window, CG, PRESENTATION_WINDOW, AdwWindow)

CgPresentationWindow *cg_presentation_window_new (CgWindow *main_window);
/* Fullscreen on the chosen monitor, and shown. */
void cg_presentation_window_show (CgPresentationWindow *self);
CgStage cg_presentation_window_get_stage (CgPresentationWindow *self);
guint cg_presentation_window_get_item (CgPresentationWindow *self);
void cg_presentation_window_set_item (CgPresentationWindow *self, guint item);
/* One item forward (+1) or back (-1), crossing into the next or previous
 * stage at the ends. */
void cg_presentation_window_step (CgPresentationWindow *self, int delta);
/* For tests: the big statement or heading label, the content shown, the
 * timer label and the base text size in pixels. */
GtkWidget *cg_presentation_window_get_main_label (CgPresentationWindow *self);
GtkWidget *cg_presentation_window_get_content (CgPresentationWindow *self);
GtkWidget *cg_presentation_window_get_timer_label (CgPresentationWindow *self);
int cg_presentation_window_get_base_px (CgPresentationWindow *self);
/* The room (cg-presentation-room.h): "5 of 8 have answered", and the QR
 * code shown while nobody has; hidden when not shown. */
GtkWidget *cg_presentation_window_get_answered_label (CgPresentationWindow *self);
GtkWidget *cg_presentation_window_get_join_qr (CgPresentationWindow *self);

G_END_DECLS
