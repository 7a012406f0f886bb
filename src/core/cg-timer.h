/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-timer.h: the exercise countdown shown in the header bar and on the
 * presentation view.
 *
 * The timer keeps no ticking state of its own: remaining time is computed
 * from a clock (g_get_monotonic_time unless a test gives another), so a
 * late or missed tick never makes it drift. Views call cg_timer_update()
 * from their own timeout and redraw on notify::remaining.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CG_TYPE_TIMER (cg_timer_get_type ())
G_DECLARE_FINAL_TYPE (CgTimer, cg_timer, CG, TIMER, GObject)

typedef enum {
  CG_TIMER_STOPPED, /* set, not started (or reset) */
  CG_TIMER_RUNNING,
  CG_TIMER_PAUSED,
  CG_TIMER_FINISHED, /* reached zero: "Time" */
} CgTimerState;

/* Microseconds, like g_get_monotonic_time(). */
typedef gint64 (*CgTimerClock) (gpointer user_data);

CgTimer *cg_timer_new (void);
void cg_timer_set_clock (CgTimer *self, CgTimerClock clock, gpointer user_data);

/* Sets the length and stops the timer at that length. */
void cg_timer_set_duration (CgTimer *self, guint seconds);
guint cg_timer_get_duration (CgTimer *self);
void cg_timer_start (CgTimer *self);
void cg_timer_pause (CgTimer *self);
void cg_timer_reset (CgTimer *self);
/* Reads the clock; emits notify::remaining when the shown second changed
 * and notify::state on reaching zero. */
void cg_timer_update (CgTimer *self);
CgTimerState cg_timer_get_state (CgTimer *self);
/* Whole seconds left, rounded up (a timer at 0.4 s shows 0:01). */
guint cg_timer_get_remaining (CgTimer *self);

/* "4:05", "12:00", "1:02:03"; for zero the translated word "Time". */
char *cg_timer_format (guint seconds);

G_END_DECLS
