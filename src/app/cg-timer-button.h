/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-timer-button.h: the exercise countdown in the header bar.
 *
 * A menu button that shows the time left; its popover sets the length
 * (the presets from the "timer-presets" setting, or any number of minutes)
 * and starts, pauses and resets it. At zero it says "Time" and flashes
 * (twice a second, no sound). The button owns the CgTimer; the
 * presentation view shows the same timer, large.
 */
#pragma once

#include <gtk/gtk.h>
#include "cg-timer.h"

G_BEGIN_DECLS

#define CG_TYPE_TIMER_BUTTON (cg_timer_button_get_type ())
G_DECLARE_FINAL_TYPE (CgTimerButton, cg_timer_button, CG, TIMER_BUTTON, GtkWidget)

GtkWidget *cg_timer_button_new (void);
CgTimer *cg_timer_button_get_timer (CgTimerButton *self);
/* The text the button shows now ("4:05", "Time"). */
const char *cg_timer_button_get_text (CgTimerButton *self);
/* Sets the length in minutes and stops the timer there. */
void cg_timer_button_set_minutes (CgTimerButton *self, guint minutes);
void cg_timer_button_start_pause (CgTimerButton *self);
void cg_timer_button_reset (CgTimerButton *self);

/* Shared with the presentation view: "timer-running", "timer-paused",
 * "timer-finished" on @widget as the timer's state says, and "timer-flash"
 * toggled while finished (twice a second). */
void cg_timer_style_widget (GtkWidget *widget, CgTimer *timer, gboolean flash_on);
/* "Exercise timer: 4:05 left, running", for screen readers. */
char *cg_timer_describe (CgTimer *timer);

G_END_DECLS
