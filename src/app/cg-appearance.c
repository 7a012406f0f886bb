/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-appearance"
#include "config.h"

#include "cg-appearance.h"
#include "cg-chart-style.h"

#define RESOURCE_PATH "/io/github/commonground/CommonGround/"

struct _CgAppearance
{
  GObject parent_instance;

  double zoom;
  gboolean force_high_contrast;

  /* Owned */
  GSettings *settings;
  GtkCssProvider *zoom_css;
  GtkCssProvider *contrast_css;
  gboolean contrast_css_installed;
};

G_DEFINE_FINAL_TYPE (CgAppearance, cg_appearance, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_FORCE_HIGH_CONTRAST,
  PROP_HIGH_CONTRAST,
  PROP_DARK,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

/* Like a browser's steps: small near 100 %, larger further out. */
static const double zoom_steps[] = {
  0.5, 0.67, 0.75, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0,
};

double
cg_appearance_zoom_step (double zoom,
                         int    direction)
{
  guint n = G_N_ELEMENTS (zoom_steps);

  if (direction > 0)
    {
      for (guint i = 0; i < n; i++)
        if (zoom_steps[i] > zoom + 0.001)
          return zoom_steps[i];
      return CG_ZOOM_MAX;
    }
  for (guint i = n; i-- > 0;)
    if (zoom_steps[i] < zoom - 0.001)
      return zoom_steps[i];
  return CG_ZOOM_MIN;
}

GSettings *
cg_settings_get (void)
{
  return cg_appearance_get_settings (cg_appearance_get_default ());
}

static GSettings *
settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s not installed: preferences last for this run only", APP_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

/* Adwaita sizes its headings in points, so they would not follow the base
 * size: here they become multiples of it (Adwaita's body text is 11 pt). */
static void
update_zoom_css (CgAppearance *self)
{
  g_autofree char *css = NULL;
  char px[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (px, sizeof px, "%.2f", CG_BASE_FONT_PX * self->zoom);
  css = g_strdup_printf ("window.cg-window, window.cg-window popover, "
                         "window.cg-window-dialog { font-size: %spx; }\n"
                         "window.cg-window .large-title { font-size: 2.18em; }\n"
                         "window.cg-window .title-1 { font-size: 1.82em; }\n"
                         "window.cg-window .title-2, window.cg-window .title-3 "
                         "{ font-size: 1.36em; }\n"
                         "window.cg-window .title-4 { font-size: 1.18em; }\n"
                         "window.cg-window .heading { font-size: 1em; }\n"
                         "window.cg-window .caption, window.cg-window .caption-heading "
                         "{ font-size: 0.82em; }\n",
                         px);
  gtk_css_provider_load_from_data (self->zoom_css, css, -1);
}

gboolean
cg_appearance_get_dark (CgAppearance *self)
{
  g_return_val_if_fail (CG_IS_APPEARANCE (self), FALSE);
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* @name from the theme, laid over @under when it is translucent (Adwaita's
 * dark cards are white at 8 %). */
static gboolean
theme_colour (GtkStyleContext *context,
              const char      *name,
              const CgRgb     *under,
              CgRgb           *out)
{
  GdkRGBA c;

  if (!gtk_style_context_lookup_color (context, name, &c))
    return FALSE;
  *out = cg_rgb_mix (under, &(CgRgb){ c.red, c.green, c.blue }, c.alpha);
  return TRUE;
}

char *
cg_appearance_partner_colour (CgAppearance *self,
                              const char   *colour)
{
  static const char *const backgrounds[] = { "window_bg_color", "view_bg_color", "card_bg_color" };
  g_autoptr (GtkWidget) probe = NULL;
  GtkStyleContext *context;
  CgChartStyle style;
  CgRgb raw, mark, window;

  g_return_val_if_fail (CG_IS_APPEARANCE (self), NULL);
  if (!cg_appearance_get_high_contrast (self) || !cg_rgb_parse (colour, &raw))
    return g_strdup (colour);
  cg_chart_style_init_high_contrast (&style, cg_appearance_get_dark (self));
  mark = cg_chart_style_mark_colour (&style, &raw);
  probe = g_object_ref_sink (gtk_label_new (NULL));
  context = gtk_widget_get_style_context (probe);
  if (!theme_colour (context, "window_bg_color", &style.bg, &window))
    window = style.bg;
  for (guint i = 0; i < G_N_ELEMENTS (backgrounds); i++)
    {
      CgRgb bg;

      /* Only backgrounds on the same side as the charts' (light or dark):
       * then each step goes on in the same direction and keeps the ones
       * before it. */
      if (theme_colour (context, backgrounds[i], &window, &bg) &&
          cg_rgb_text_on (&bg).red == style.fg.red)
        mark = cg_rgb_with_contrast (&mark, &bg, CG_CHART_HC_RATIO);
    }
  return cg_rgb_to_string (&mark);
}

void
cg_appearance_redraw_on_change (CgAppearance *self,
                                GtkWidget    *widget)
{
  g_return_if_fail (CG_IS_APPEARANCE (self) && GTK_IS_WIDGET (widget));
  g_signal_connect_object (self, "notify::high-contrast", G_CALLBACK (gtk_widget_queue_draw),
                           widget, G_CONNECT_SWAPPED);
  g_signal_connect_object (self, "notify::dark", G_CALLBACK (gtk_widget_queue_draw), widget,
                           G_CONNECT_SWAPPED);
}

gboolean
cg_appearance_get_high_contrast (CgAppearance *self)
{
  g_return_val_if_fail (CG_IS_APPEARANCE (self), FALSE);
  return self->force_high_contrast ||
         adw_style_manager_get_high_contrast (adw_style_manager_get_default ());
}

/* Our palette (light or dark) goes over whatever theme is in use when the
 * app's switch is on and also when the system asks for high contrast:
 * libadwaita 1.2's own high-contrast style keeps its colours and only adds
 * edges, which leaves dimmed text and the success green below 7:1. */
static void
update_contrast_css (CgAppearance *self)
{
  GdkDisplay *display = gdk_display_get_default ();
  gboolean want = cg_appearance_get_high_contrast (self);

  if (want)
    gtk_css_provider_load_from_resource (self->contrast_css, cg_appearance_get_dark (self)
                                                               ? RESOURCE_PATH "forced-hc-dark.css"
                                                               : RESOURCE_PATH "forced-hc.css");
  if (display == NULL || want == self->contrast_css_installed)
    return;
  if (want)
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (self->contrast_css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 2);
  else
    gtk_style_context_remove_provider_for_display (display,
                                                   GTK_STYLE_PROVIDER (self->contrast_css));
  self->contrast_css_installed = want;
}

static void
on_style_manager_notify (AdwStyleManager *manager,
                         GParamSpec      *pspec,
                         CgAppearance    *self)
{
  update_contrast_css (self);
  if (g_str_equal (pspec->name, "dark"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGH_CONTRAST]);
}

double
cg_appearance_get_zoom (CgAppearance *self)
{
  g_return_val_if_fail (CG_IS_APPEARANCE (self), 1.0);
  return self->zoom;
}

void
cg_appearance_set_zoom (CgAppearance *self,
                        double        zoom)
{
  g_return_if_fail (CG_IS_APPEARANCE (self));

  zoom = CLAMP (zoom, CG_ZOOM_MIN, CG_ZOOM_MAX);
  if (G_APPROX_VALUE (zoom, self->zoom, 1e-6))
    return;
  self->zoom = zoom;
  update_zoom_css (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

void
cg_appearance_zoom_in (CgAppearance *self)
{
  g_return_if_fail (CG_IS_APPEARANCE (self));
  cg_appearance_set_zoom (self, cg_appearance_zoom_step (self->zoom, +1));
}

void
cg_appearance_zoom_out (CgAppearance *self)
{
  g_return_if_fail (CG_IS_APPEARANCE (self));
  cg_appearance_set_zoom (self, cg_appearance_zoom_step (self->zoom, -1));
}

void
cg_appearance_zoom_reset (CgAppearance *self)
{
  g_return_if_fail (CG_IS_APPEARANCE (self));
  cg_appearance_set_zoom (self, 1.0);
}

gboolean
cg_appearance_get_force_high_contrast (CgAppearance *self)
{
  g_return_val_if_fail (CG_IS_APPEARANCE (self), FALSE);
  return self->force_high_contrast;
}

void
cg_appearance_set_force_high_contrast (CgAppearance *self,
                                       gboolean      force)
{
  gboolean was;

  g_return_if_fail (CG_IS_APPEARANCE (self));

  force = !!force;
  if (force == self->force_high_contrast)
    return;
  was = cg_appearance_get_high_contrast (self);
  self->force_high_contrast = force;
  update_contrast_css (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FORCE_HIGH_CONTRAST]);
  if (was != cg_appearance_get_high_contrast (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HIGH_CONTRAST]);
}

GSettings *
cg_appearance_get_settings (CgAppearance *self)
{
  g_return_val_if_fail (CG_IS_APPEARANCE (self), NULL);
  return self->settings;
}

static void
cg_appearance_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CgAppearance *self = CG_APPEARANCE (object);

  switch (prop_id)
    {
    case PROP_ZOOM: g_value_set_double (value, self->zoom); break;
    case PROP_FORCE_HIGH_CONTRAST: g_value_set_boolean (value, self->force_high_contrast); break;
    case PROP_HIGH_CONTRAST:
      g_value_set_boolean (value, cg_appearance_get_high_contrast (self));
      break;
    case PROP_DARK: g_value_set_boolean (value, cg_appearance_get_dark (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_appearance_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CgAppearance *self = CG_APPEARANCE (object);

  switch (prop_id)
    {
    case PROP_ZOOM: cg_appearance_set_zoom (self, g_value_get_double (value)); break;
    case PROP_FORCE_HIGH_CONTRAST:
      cg_appearance_set_force_high_contrast (self, g_value_get_boolean (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_appearance_finalize (GObject *object)
{
  CgAppearance *self = CG_APPEARANCE (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->zoom_css);
  g_clear_object (&self->contrast_css);
  G_OBJECT_CLASS (cg_appearance_parent_class)->finalize (object);
}

static void
cg_appearance_class_init (CgAppearanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = cg_appearance_get_property;
  object_class->set_property = cg_appearance_set_property;
  object_class->finalize = cg_appearance_finalize;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, CG_ZOOM_MIN, CG_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FORCE_HIGH_CONTRAST] =
    g_param_spec_boolean ("force-high-contrast", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIGH_CONTRAST] = g_param_spec_boolean ("high-contrast", NULL, NULL, FALSE,
                                                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cg_appearance_init (CgAppearance *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GdkDisplay *display = gdk_display_get_default ();

  self->zoom = 1.0;
  self->zoom_css = gtk_css_provider_new ();
  self->contrast_css = gtk_css_provider_new ();
  update_zoom_css (self);
  if (display != NULL)
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (self->zoom_css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_style_manager_notify), self, 0);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (on_style_manager_notify),
                           self, 0);

  self->settings = settings_new ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "zoom", self, "zoom", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "high-contrast", self, "force-high-contrast",
                       G_SETTINGS_BIND_DEFAULT);
    }
  /* The system may ask for high contrast from the start. */
  update_contrast_css (self);
}

CgAppearance *
cg_appearance_get_default (void)
{
  static CgAppearance *instance;

  /* Lives as long as the process, like the style manager it follows. */
  if (instance == NULL)
    instance = g_object_new (CG_TYPE_APPEARANCE, NULL);
  return instance;
}
