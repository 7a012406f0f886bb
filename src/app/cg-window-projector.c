/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-window-projector.c: the main window's projector-first actions: the
 * presentation view (F5), fullscreen (F11), zoom (Ctrl+plus, Ctrl+minus,
 * Ctrl+0), high contrast, Preferences (Ctrl+comma), and the window size
 * remembered between runs. */
#define G_LOG_DOMAIN "cg-window"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-appearance.h"
#include "cg-preferences-window.h"
#include "cg-presentation-window.h"
#include "cg-window-private.h"

CgTimer *
cg_window_get_timer (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);
  return cg_timer_button_get_timer (self->timer_button);
}

GtkWindow *
cg_window_get_presentation (CgWindow *self)
{
  g_return_val_if_fail (CG_IS_WINDOW (self), NULL);
  return self->presentation;
}

/* F5 opens the view, and F5 (or Esc) in it closes it again. */
static void
present_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  CgWindow *self = CG_WINDOW (widget);
  CgPresentationWindow *presentation;

  if (self->presentation != NULL)
    {
      gtk_window_close (self->presentation);
      return;
    }
  presentation = cg_presentation_window_new (self);
  g_set_weak_pointer (&self->presentation, GTK_WINDOW (presentation));
  cg_presentation_window_show (presentation);
}

static void
fullscreen_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  GtkWindow *window = GTK_WINDOW (widget);

  if (gtk_window_is_fullscreen (window))
    gtk_window_unfullscreen (window);
  else
    gtk_window_fullscreen (window);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  cg_appearance_zoom_in (cg_appearance_get_default ());
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  cg_appearance_zoom_out (cg_appearance_get_default ());
}

static void
zoom_reset_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  cg_appearance_zoom_reset (cg_appearance_get_default ());
}

static void
update_zoom_actions (CgAppearance *appearance,
                     GParamSpec   *pspec,
                     CgWindow     *self)
{
  double zoom = cg_appearance_get_zoom (appearance);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", zoom < CG_ZOOM_MAX - 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", zoom > CG_ZOOM_MIN + 1e-6);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  GtkWindow *prefs = cg_preferences_window_new (GTK_WINDOW (widget));

  gtk_window_present (prefs);
}

void
_cg_window_class_init_projector (GtkWidgetClass *widget_class)
{
  static const struct
  {
    const char *name;
    guint key;
    GdkModifierType mods;
  } bindings[] = {
    { "win.present", GDK_KEY_F5, 0 },
    { "win.fullscreen", GDK_KEY_F11, 0 },
    { "win.zoom-in", GDK_KEY_plus, GDK_CONTROL_MASK },
    { "win.zoom-in", GDK_KEY_equal, GDK_CONTROL_MASK },
    { "win.zoom-in", GDK_KEY_KP_Add, GDK_CONTROL_MASK },
    { "win.zoom-out", GDK_KEY_minus, GDK_CONTROL_MASK },
    { "win.zoom-out", GDK_KEY_KP_Subtract, GDK_CONTROL_MASK },
    { "win.zoom-reset", GDK_KEY_0, GDK_CONTROL_MASK },
    { "win.zoom-reset", GDK_KEY_KP_0, GDK_CONTROL_MASK },
    { "win.preferences", GDK_KEY_comma, GDK_CONTROL_MASK },
  };

  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.fullscreen", NULL, fullscreen_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-reset", NULL, zoom_reset_action);
  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  for (gsize i = 0; i < G_N_ELEMENTS (bindings); i++)
    gtk_widget_class_add_binding_action (widget_class, bindings[i].key, bindings[i].mods,
                                         bindings[i].name, NULL);
}

/* Size and maximized state come back as they were at the last close. */
void
_cg_window_projector_restore_state (CgWindow *self)
{
  GSettings *settings = cg_settings_get ();
  int width, height;

  if (settings == NULL)
    return;
  width = g_settings_get_int (settings, "window-width");
  height = g_settings_get_int (settings, "window-height");
  if (width >= 360 && height >= 360)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

void
_cg_window_projector_save_state (CgWindow *self)
{
  GSettings *settings = cg_settings_get ();
  int width = 0, height = 0;

  if (settings == NULL)
    return;
  /* The default size tracks the last unmaximized, unfullscreened size. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_boolean (settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

void
_cg_window_projector_init (CgWindow *self)
{
  CgAppearance *appearance = cg_appearance_get_default ();
  g_autoptr (GPropertyAction) contrast = NULL;

  contrast = g_property_action_new ("high-contrast", appearance, "force-high-contrast");
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (contrast));
  g_signal_connect_object (appearance, "notify::zoom", G_CALLBACK (update_zoom_actions), self, 0);
  update_zoom_actions (appearance, NULL, self);
}

void
_cg_window_projector_dispose (CgWindow *self)
{
  /* The room's view goes with the window it shows. */
  if (self->presentation != NULL)
    gtk_window_destroy (self->presentation);
  g_clear_weak_pointer (&self->presentation);
}
