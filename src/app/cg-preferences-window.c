/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-preferences"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-appearance.h"
#include "cg-preferences-window.h"

#define MAX_PRESETS 8

struct _CgPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  GtkAdjustment *zoom_adjustment;
  GtkSwitch *contrast_switch;
  AdwEntryRow *presets_row;
  GtkSwitch *hidden_switch;
};

G_DEFINE_FINAL_TYPE (CgPreferencesWindow, cg_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

gboolean
cg_preferences_parse_presets (const char *text,
                              GArray    **minutes)
{
  g_auto (GStrv) parts = NULL;
  g_autoptr (GArray) out = g_array_new (FALSE, FALSE, sizeof (gint32));

  g_return_val_if_fail (text != NULL && minutes != NULL, FALSE);

  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *part = g_strstrip (parts[i]);
      char *end = NULL;
      gint64 value;
      gint32 m;

      if (*part == '\0')
        continue;
      value = g_ascii_strtoll (part, &end, 10);
      if (end == part || *end != '\0' || value < 1 || value > 180)
        return FALSE;
      m = (gint32) value;
      g_array_append_val (out, m);
    }
  if (out->len == 0 || out->len > MAX_PRESETS)
    return FALSE;
  *minutes = g_steal_pointer (&out);
  return TRUE;
}

gboolean
cg_preferences_get_answers_hidden_default (void)
{
  GSettings *settings = cg_settings_get ();

  return settings != NULL && g_settings_get_boolean (settings, "answers-hidden-default");
}

static char *
presets_text (GSettings *settings)
{
  g_autoptr (GVariant) value = g_settings_get_value (settings, "timer-presets");
  g_autoptr (GString) s = g_string_new (NULL);
  gsize n = 0;
  const gint32 *minutes = g_variant_get_fixed_array (value, &n, sizeof (gint32));

  for (gsize i = 0; i < n; i++)
    g_string_append_printf (s, i > 0 ? ", %d" : "%d", minutes[i]);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* A wrong list is marked and kept out of the settings, never half applied. */
static void
on_presets_apply (CgPreferencesWindow *self,
                  AdwEntryRow         *row)
{
  GSettings *settings = cg_settings_get ();
  g_autoptr (GArray) minutes = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (!cg_preferences_parse_presets (text, &minutes))
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  if (settings != NULL)
    g_settings_set_value (settings, "timer-presets",
                          g_variant_new_fixed_array (G_VARIANT_TYPE_INT32, minutes->data,
                                                     minutes->len, sizeof (gint32)));
}

static void
on_presets_changed (CgPreferencesWindow *self,
                    AdwEntryRow         *row)
{
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static gboolean
percent_from_zoom (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      data)
{
  g_value_set_double (to, g_value_get_double (from) * 100.0);
  return TRUE;
}

static gboolean
zoom_from_percent (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      data)
{
  g_value_set_double (to, g_value_get_double (from) / 100.0);
  return TRUE;
}

static void
cg_preferences_window_class_init (CgPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/commonground/CommonGround/cg-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CgPreferencesWindow, zoom_adjustment);
  gtk_widget_class_bind_template_child (widget_class, CgPreferencesWindow, contrast_switch);
  gtk_widget_class_bind_template_child (widget_class, CgPreferencesWindow, presets_row);
  gtk_widget_class_bind_template_child (widget_class, CgPreferencesWindow, hidden_switch);
  gtk_widget_class_bind_template_callback (widget_class, on_presets_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_presets_changed);
}

static void
cg_preferences_window_init (CgPreferencesWindow *self)
{
  CgAppearance *appearance = cg_appearance_get_default ();
  GSettings *settings = cg_settings_get ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "cg-window-dialog");
  /* The appearance object writes the settings and applies them at once. */
  g_object_bind_property_full (appearance, "zoom", self->zoom_adjustment, "value",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, percent_from_zoom,
                               zoom_from_percent, NULL, NULL);
  g_object_bind_property (appearance, "force-high-contrast", self->contrast_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  if (settings != NULL)
    {
      g_autofree char *presets = presets_text (settings);

      gtk_editable_set_text (GTK_EDITABLE (self->presets_row), presets);
      g_settings_bind (settings, "answers-hidden-default", self->hidden_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
    }
  else
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->presets_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->hidden_switch), FALSE);
    }
}

GtkWindow *
cg_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (CG_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
