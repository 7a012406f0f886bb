/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-timer-button"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-appearance.h"
#include "cg-timer-button.h"

/* Often enough that the shown second never lags visibly. */
#define TICK_MS 200
/* Twice a second: visible from the back, well under the 3 Hz limit for
 * flashing content (WCAG 2.3.1). */
#define FLASH_MS 500

struct _CgTimerButton
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkMenuButton *menu_button;
  GtkLabel *time_label;
  GtkLabel *big_label;
  GtkButton *start_button;
  GtkBox *presets_box;
  GtkSpinButton *minutes_spin;

  /* Owned */
  CgTimer *timer;
  char *text;
  guint tick_id;
  guint flash_id;
  gboolean flash_on;
};

G_DEFINE_FINAL_TYPE (CgTimerButton, cg_timer_button, GTK_TYPE_WIDGET)

void
cg_timer_style_widget (GtkWidget *widget,
                       CgTimer   *timer,
                       gboolean   flash_on)
{
  CgTimerState state = cg_timer_get_state (timer);

  if (state == CG_TIMER_RUNNING)
    gtk_widget_add_css_class (widget, "timer-running");
  else
    gtk_widget_remove_css_class (widget, "timer-running");
  if (state == CG_TIMER_PAUSED)
    gtk_widget_add_css_class (widget, "timer-paused");
  else
    gtk_widget_remove_css_class (widget, "timer-paused");
  if (state == CG_TIMER_FINISHED)
    gtk_widget_add_css_class (widget, "timer-finished");
  else
    gtk_widget_remove_css_class (widget, "timer-finished");
  if (state == CG_TIMER_FINISHED && flash_on)
    gtk_widget_add_css_class (widget, "timer-flash");
  else
    gtk_widget_remove_css_class (widget, "timer-flash");
}

char *
cg_timer_describe (CgTimer *timer)
{
  g_autofree char *time = cg_timer_format (cg_timer_get_remaining (timer));

  switch (cg_timer_get_state (timer))
    {
    case CG_TIMER_RUNNING: return g_strdup_printf (_("Exercise timer: %s left, running"), time);
    case CG_TIMER_PAUSED: return g_strdup_printf (_("Exercise timer: %s left, paused"), time);
    case CG_TIMER_FINISHED: return g_strdup (_("Exercise timer: time is up"));
    case CG_TIMER_STOPPED:
    default: return g_strdup_printf (_("Exercise timer: %s, not started"), time);
    }
}

static void
update_display (CgTimerButton *self)
{
  g_autofree char *a11y = cg_timer_describe (self->timer);
  gboolean running = cg_timer_get_state (self->timer) == CG_TIMER_RUNNING;

  g_free (self->text);
  self->text = cg_timer_format (cg_timer_get_remaining (self->timer));
  gtk_label_set_text (self->time_label, self->text);
  gtk_label_set_text (self->big_label, self->text);
  gtk_button_set_label (self->start_button, running ? _("_Pause") : _("_Start"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  a11y, -1);
  cg_timer_style_widget (GTK_WIDGET (self->menu_button), self->timer, self->flash_on);
}

static gboolean
tick_cb (gpointer user_data)
{
  CgTimerButton *self = user_data;

  cg_timer_update (self->timer);
  if (cg_timer_get_state (self->timer) == CG_TIMER_RUNNING)
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  return G_SOURCE_REMOVE;
}

static gboolean
flash_cb (gpointer user_data)
{
  CgTimerButton *self = user_data;

  self->flash_on = !self->flash_on;
  update_display (self);
  return G_SOURCE_CONTINUE;
}

static void
on_timer_state (CgTimer       *timer,
                GParamSpec    *pspec,
                CgTimerButton *self)
{
  CgTimerState state = cg_timer_get_state (timer);

  if (state == CG_TIMER_RUNNING && self->tick_id == 0)
    self->tick_id = g_timeout_add (TICK_MS, tick_cb, self);
  else if (state != CG_TIMER_RUNNING)
    g_clear_handle_id (&self->tick_id, g_source_remove);
  if (state == CG_TIMER_FINISHED && self->flash_id == 0)
    {
      self->flash_on = TRUE;
      self->flash_id = g_timeout_add (FLASH_MS, flash_cb, self);
    }
  else if (state != CG_TIMER_FINISHED)
    {
      g_clear_handle_id (&self->flash_id, g_source_remove);
      self->flash_on = FALSE;
    }
  update_display (self);
}

static void
on_timer_remaining (CgTimer       *timer,
                    GParamSpec    *pspec,
                    CgTimerButton *self)
{
  update_display (self);
}

CgTimer *
cg_timer_button_get_timer (CgTimerButton *self)
{
  g_return_val_if_fail (CG_IS_TIMER_BUTTON (self), NULL);
  return self->timer;
}

const char *
cg_timer_button_get_text (CgTimerButton *self)
{
  g_return_val_if_fail (CG_IS_TIMER_BUTTON (self), NULL);
  return self->text;
}

void
cg_timer_button_set_minutes (CgTimerButton *self,
                             guint          minutes)
{
  g_return_if_fail (CG_IS_TIMER_BUTTON (self));
  g_return_if_fail (minutes > 0);

  cg_timer_set_duration (self->timer, minutes * 60);
  gtk_spin_button_set_value (self->minutes_spin, minutes);
  update_display (self);
}

void
cg_timer_button_start_pause (CgTimerButton *self)
{
  g_return_if_fail (CG_IS_TIMER_BUTTON (self));

  switch (cg_timer_get_state (self->timer))
    {
    case CG_TIMER_RUNNING: cg_timer_pause (self->timer); break;
    case CG_TIMER_FINISHED:
      /* Start again from the top: the room wants another round. */
      cg_timer_reset (self->timer);
      cg_timer_start (self->timer);
      break;
    default: cg_timer_start (self->timer);
    }
}

void
cg_timer_button_reset (CgTimerButton *self)
{
  g_return_if_fail (CG_IS_TIMER_BUTTON (self));
  cg_timer_reset (self->timer);
  update_display (self);
}

static void
timer_action (GtkWidget  *widget,
              const char *name,
              GVariant   *param)
{
  CgTimerButton *self = CG_TIMER_BUTTON (widget);

  if (g_str_equal (name, "timer.start-pause"))
    cg_timer_button_start_pause (self);
  else if (g_str_equal (name, "timer.reset"))
    cg_timer_button_reset (self);
  else if (g_str_equal (name, "timer.set-minutes"))
    cg_timer_button_set_minutes (self, MAX (1, g_variant_get_uint32 (param)));
  else if (g_str_equal (name, "timer.set-custom"))
    {
      gtk_spin_button_update (self->minutes_spin);
      cg_timer_button_set_minutes (self, gtk_spin_button_get_value_as_int (self->minutes_spin));
    }
}

/* The presets come from the settings, so Preferences can change them. */
static void
fill_presets (CgTimerButton *self)
{
  GSettings *settings = cg_settings_get ();
  g_autoptr (GVariant) value = NULL;
  const gint32 *minutes;
  static const gint32 fallback[] = { 2, 5, 10, 15 };
  gsize n = G_N_ELEMENTS (fallback);
  GtkWidget *child;

  minutes = fallback;
  if (settings != NULL)
    {
      value = g_settings_get_value (settings, "timer-presets");
      minutes = g_variant_get_fixed_array (value, &n, sizeof (gint32));
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->presets_box))) != NULL)
    gtk_box_remove (self->presets_box, child);
  for (gsize i = 0; i < n && i < 8; i++)
    {
      g_autofree char *label = NULL;
      GtkWidget *button;

      if (minutes[i] <= 0 || minutes[i] > 180)
        continue;
      /* Translators: a timer length on a button, "5 min" */
      label = g_strdup_printf (_("%d min"), minutes[i]);
      button = gtk_button_new_with_label (label);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "timer.set-minutes");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", (guint32) minutes[i]);
      gtk_box_append (self->presets_box, button);
    }
}

static void
on_presets_changed (GSettings     *settings,
                    const char    *key,
                    CgTimerButton *self)
{
  fill_presets (self);
}

static void
cg_timer_button_dispose (GObject *object)
{
  CgTimerButton *self = CG_TIMER_BUTTON (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->flash_id, g_source_remove);
  if (self->timer != NULL)
    g_signal_handlers_disconnect_by_data (self->timer, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_TIMER_BUTTON);
  g_clear_object (&self->timer);
  G_OBJECT_CLASS (cg_timer_button_parent_class)->dispose (object);
}

static void
cg_timer_button_finalize (GObject *object)
{
  CgTimerButton *self = CG_TIMER_BUTTON (object);

  g_free (self->text);
  G_OBJECT_CLASS (cg_timer_button_parent_class)->finalize (object);
}

static void
cg_timer_button_class_init (CgTimerButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_timer_button_dispose;
  object_class->finalize = cg_timer_button_finalize;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/commonground/CommonGround/cg-timer-button.ui");
  gtk_widget_class_bind_template_child (widget_class, CgTimerButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, CgTimerButton, time_label);
  gtk_widget_class_bind_template_child (widget_class, CgTimerButton, big_label);
  gtk_widget_class_bind_template_child (widget_class, CgTimerButton, start_button);
  gtk_widget_class_bind_template_child (widget_class, CgTimerButton, presets_box);
  gtk_widget_class_bind_template_child (widget_class, CgTimerButton, minutes_spin);
  gtk_widget_class_install_action (widget_class, "timer.start-pause", NULL, timer_action);
  gtk_widget_class_install_action (widget_class, "timer.reset", NULL, timer_action);
  gtk_widget_class_install_action (widget_class, "timer.set-minutes", "u", timer_action);
  gtk_widget_class_install_action (widget_class, "timer.set-custom", NULL, timer_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timerbutton");
}

static void
cg_timer_button_init (CgTimerButton *self)
{
  GSettings *settings = cg_settings_get ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->timer = cg_timer_new ();
  g_signal_connect (self->timer, "notify::state", G_CALLBACK (on_timer_state), self);
  g_signal_connect (self->timer, "notify::remaining", G_CALLBACK (on_timer_remaining), self);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::timer-presets", G_CALLBACK (on_presets_changed),
                             self, 0);
  fill_presets (self);
  update_display (self);
}

GtkWidget *
cg_timer_button_new (void)
{
  return g_object_new (CG_TYPE_TIMER_BUTTON, NULL);
}
