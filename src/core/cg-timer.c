/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-timer"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-timer.h"

struct _CgTimer
{
  GObject parent_instance;

  CgTimerClock clock;
  gpointer clock_data;
  guint duration;    /* seconds */
  gint64 left_us;    /* remaining when last paused or stopped */
  gint64 started_at; /* clock at the last start, while running */
  CgTimerState state;
  guint shown; /* the last remaining value notified */
};

G_DEFINE_FINAL_TYPE (CgTimer, cg_timer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DURATION,
  PROP_REMAINING,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
default_clock (gpointer user_data)
{
  return g_get_monotonic_time ();
}

static gint64
left_now (CgTimer *self)
{
  gint64 left = self->left_us;

  if (self->state == CG_TIMER_RUNNING)
    left -= self->clock (self->clock_data) - self->started_at;
  return MAX (left, 0);
}

static void
set_state (CgTimer     *self,
           CgTimerState state)
{
  if (self->state == state)
    return;
  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
notify_remaining (CgTimer *self)
{
  guint remaining = cg_timer_get_remaining (self);

  if (remaining != self->shown)
    {
      self->shown = remaining;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REMAINING]);
    }
}

static void
cg_timer_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  CgTimer *self = CG_TIMER (object);

  switch (prop_id)
    {
    case PROP_DURATION: g_value_set_uint (value, self->duration); break;
    case PROP_REMAINING: g_value_set_uint (value, cg_timer_get_remaining (self)); break;
    case PROP_STATE: g_value_set_int (value, self->state); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_timer_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_DURATION: cg_timer_set_duration (CG_TIMER (object), g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_timer_class_init (CgTimerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = cg_timer_get_property;
  object_class->set_property = cg_timer_set_property;

  properties[PROP_DURATION] =
    g_param_spec_uint ("duration", NULL, NULL, 0, 24 * 3600, 300,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REMAINING] =
    g_param_spec_uint ("remaining", NULL, NULL, 0, 24 * 3600, 300,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, CG_TIMER_STOPPED, CG_TIMER_FINISHED, CG_TIMER_STOPPED,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_timer_init (CgTimer *self)
{
  self->clock = default_clock;
  self->duration = 300;
  self->left_us = 300 * G_USEC_PER_SEC;
  self->shown = 300;
  self->state = CG_TIMER_STOPPED;
}

CgTimer *
cg_timer_new (void)
{
  return g_object_new (CG_TYPE_TIMER, NULL);
}

void
cg_timer_set_clock (CgTimer     *self,
                    CgTimerClock clock,
                    gpointer     user_data)
{
  g_return_if_fail (CG_IS_TIMER (self));
  g_return_if_fail (self->state != CG_TIMER_RUNNING);

  self->clock = clock != NULL ? clock : default_clock;
  self->clock_data = user_data;
}

void
cg_timer_set_duration (CgTimer *self,
                       guint    seconds)
{
  g_return_if_fail (CG_IS_TIMER (self));
  g_return_if_fail (seconds <= 24 * 3600);

  if (self->duration != seconds)
    {
      self->duration = seconds;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
    }
  cg_timer_reset (self);
}

guint
cg_timer_get_duration (CgTimer *self)
{
  g_return_val_if_fail (CG_IS_TIMER (self), 0);
  return self->duration;
}

void
cg_timer_start (CgTimer *self)
{
  g_return_if_fail (CG_IS_TIMER (self));

  if (self->state == CG_TIMER_RUNNING || self->duration == 0)
    return;
  if (self->state == CG_TIMER_FINISHED)
    self->left_us = (gint64) self->duration * G_USEC_PER_SEC;
  self->started_at = self->clock (self->clock_data);
  set_state (self, CG_TIMER_RUNNING);
  notify_remaining (self);
}

void
cg_timer_pause (CgTimer *self)
{
  g_return_if_fail (CG_IS_TIMER (self));

  if (self->state != CG_TIMER_RUNNING)
    return;
  self->left_us = left_now (self);
  set_state (self, self->left_us == 0 ? CG_TIMER_FINISHED : CG_TIMER_PAUSED);
  notify_remaining (self);
}

void
cg_timer_reset (CgTimer *self)
{
  g_return_if_fail (CG_IS_TIMER (self));

  self->left_us = (gint64) self->duration * G_USEC_PER_SEC;
  set_state (self, CG_TIMER_STOPPED);
  notify_remaining (self);
}

void
cg_timer_update (CgTimer *self)
{
  g_return_if_fail (CG_IS_TIMER (self));

  if (self->state != CG_TIMER_RUNNING)
    return;
  if (left_now (self) == 0)
    {
      self->left_us = 0;
      set_state (self, CG_TIMER_FINISHED);
    }
  notify_remaining (self);
}

CgTimerState
cg_timer_get_state (CgTimer *self)
{
  g_return_val_if_fail (CG_IS_TIMER (self), CG_TIMER_STOPPED);
  return self->state;
}

guint
cg_timer_get_remaining (CgTimer *self)
{
  g_return_val_if_fail (CG_IS_TIMER (self), 0);
  return (guint) ((left_now (self) + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

char *
cg_timer_format (guint seconds)
{
  if (seconds == 0)
    return g_strdup (_("Time"));
  if (seconds >= 3600)
    return g_strdup_printf ("%u:%02u:%02u", seconds / 3600, seconds / 60 % 60, seconds % 60);
  return g_strdup_printf ("%u:%02u", seconds / 60, seconds % 60);
}
