/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-chart-widget"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cg-appearance.h"
#include "cg-chart-widget.h"
#include "cg-chart-dots.h"
#include "cg-chart-items.h"
#include "cg-chart-heatmap.h"
#include "cg-chart-radar.h"
#include "cg-report-since.h"
#include "cg-role-matrix.h"

struct _CgChartWidget
{
  GtkWidget parent_instance;

  CgChartKind kind;
  guint item_id;
  GArray *items; /* NULL = all statements and aims */
  char *description;
  double min_font_px; /* 0 = the style's own floor */
  gboolean hide_item_title;
  gboolean shrink;

  /* Owned */
  CgSession *session;
  gulong changed_id;
  gboolean stale; /* the session changed while the chart was not shown */
};

G_DEFINE_FINAL_TYPE (CgChartWidget, cg_chart_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_SESSION,
  PROP_ITEM_ID,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static const GEnumValue kind_values[] = {
  { CG_CHART_KIND_DOTS, "CG_CHART_KIND_DOTS", "dots" },
  { CG_CHART_KIND_HEATMAP, "CG_CHART_KIND_HEATMAP", "heatmap" },
  { CG_CHART_KIND_RADAR, "CG_CHART_KIND_RADAR", "radar" },
  { CG_CHART_KIND_ROLES, "CG_CHART_KIND_ROLES", "roles" },
  { CG_CHART_KIND_GROUPS, "CG_CHART_KIND_GROUPS", "groups" },
  { 0, NULL, NULL },
};

GType
cg_chart_kind_get_type (void)
{
  static gsize type_id = 0;

  if (g_once_init_enter (&type_id))
    g_once_init_leave (&type_id, g_enum_register_static ("CgChartKind", kind_values));
  return type_id;
}

/* Whether the chart can draw now: a session and, for a strip, a known item. */
static gboolean
is_ready (CgChartWidget *self)
{
  if (self->session == NULL)
    return FALSE;
  if (self->kind == CG_CHART_KIND_DOTS)
    return cg_session_lookup_item (self->session, self->item_id) != NULL;
  return TRUE;
}

/* The heat map's columns as they are now (the default follows the session). */
static GArray *
current_items (CgChartWidget *self)
{
  g_autoptr (GArray) all = NULL;
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));

  if (self->items == NULL)
    {
      all = cg_chart_collect_items (self->session, CG_CHART_ALL_LESSONS, TRUE);
      g_array_append_vals (out, all->data, all->len);
      return out;
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      guint id = g_array_index (self->items, guint, i);

      if (cg_session_lookup_item (self->session, id) != NULL)
        g_array_append_val (out, id);
    }
  return out;
}

static const char *
accessible_label (CgChartWidget *self)
{
  switch (self->kind)
    {
    case CG_CHART_KIND_DOTS: return _("Answers on the scale");
    case CG_CHART_KIND_HEATMAP: return _("Heat map of every partner’s ratings");
    case CG_CHART_KIND_RADAR: return _("Radar chart of the five lessons");
    case CG_CHART_KIND_ROLES: return _("Role matrix");
    case CG_CHART_KIND_GROUPS: return _("Heat map of each group’s ratings by lesson");
    default: g_return_val_if_reached (NULL);
    }
}

static char *
describe (CgChartWidget *self)
{
  g_autoptr (GArray) items = NULL;

  if (!is_ready (self))
    return g_strdup ("");
  switch (self->kind)
    {
    case CG_CHART_KIND_DOTS: return cg_chart_dots_describe (self->session, self->item_id);
    case CG_CHART_KIND_HEATMAP:
      items = current_items (self);
      return cg_chart_heatmap_describe (self->session, (guint *) items->data, items->len);
    case CG_CHART_KIND_RADAR:
      {
        CgRadarEarlier earlier;
        g_autofree char *label = NULL;
        gboolean since = cg_report_since_radar (self->session, &earlier, &label);

        return cg_chart_radar_describe_full (self->session, since ? &earlier : NULL);
      }
    case CG_CHART_KIND_ROLES: return cg_role_matrix_describe (self->session);
    case CG_CHART_KIND_GROUPS: return cg_chart_group_heatmap_describe (self->session);
    default: g_return_val_if_reached (NULL);
    }
}

static void
update_description (CgChartWidget *self)
{
  g_free (self->description);
  self->description = describe (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->description, -1);
}

static void
refresh (CgChartWidget *self)
{
  update_description (self);
  /* Content decides the height (stacked dots, wrapped names). */
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Describing a chart walks the analysis (the heat map every rating):
 * off screen it waits until the chart is shown or asked for, so keys on
 * other stages don't pay for it. */
static void
on_session_changed (CgSession     *session,
                    CgChangeKind   kind,
                    guint          a,
                    guint          b,
                    CgChartWidget *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  refresh (self);
}

static void
cg_chart_widget_map (GtkWidget *widget)
{
  CgChartWidget *self = CG_CHART_WIDGET (widget);

  GTK_WIDGET_CLASS (cg_chart_widget_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      refresh (self);
    }
}

/* The chart takes the widget's look: the theme variant from the style
 * manager, text colour and font from CSS (so zoom and projector sizes
 * apply to the charts too). */
static void
style_for_widget (CgChartWidget *self,
                  CgChartStyle  *style,
                  char         **family)
{
  CgAppearance *appearance = cg_appearance_get_default ();
  gboolean dark = cg_appearance_get_dark (appearance);
  gboolean hc = cg_appearance_get_high_contrast (appearance);
  const PangoFontDescription *desc;
  GdkRGBA fg;
  double size;

  if (hc)
    cg_chart_style_init_high_contrast (style, dark);
  else if (dark)
    cg_chart_style_init_dark (style);
  else
    cg_chart_style_init_light (style);

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &fg);
  style->fg = (CgRgb){ fg.red, fg.green, fg.blue };
  if (!hc)
    style->muted = cg_rgb_mix (&style->fg, &style->bg, 0.3);

  desc = pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self)));
  if (desc != NULL && pango_font_description_get_family (desc) != NULL)
    {
      *family = g_strdup (pango_font_description_get_family (desc));
      style->font_family = *family;
    }
  size = desc != NULL ? (double) pango_font_description_get_size (desc) / PANGO_SCALE : 0;
  if (desc != NULL && !pango_font_description_get_size_is_absolute (desc))
    size *= 96.0 / 72.0;
  if (size > 4)
    style->font_size = size;
  style->min_font_size = MAX (style->min_font_size, self->min_font_px);
  style->font_size = MAX (style->font_size, style->min_font_size);
  style->hide_item_title = self->hide_item_title;
}

static void
cg_chart_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  CgChartWidget *self = CG_CHART_WIDGET (widget);
  double w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  g_autofree char *family = NULL;
  g_autoptr (GArray) items = NULL;
  CgChartStyle style;
  cairo_t *cr;

  if (!is_ready (self) || w <= 0 || h <= 0)
    return;
  style_for_widget (self, &style, &family);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  /* High contrast measures its colours against the style's pure white or
   * black; the system's high-contrast theme puts windows on #fafafa or
   * #242424, so the chart lays its own background down first. */
  if (style.high_contrast)
    {
      cg_rgb_set_source (cr, &style.bg, 1.0);
      cairo_paint (cr);
    }
  switch (self->kind)
    {
    case CG_CHART_KIND_DOTS:
      cg_chart_dots_draw (cr, w, h, self->session, self->item_id, &style);
      break;
    case CG_CHART_KIND_HEATMAP:
      items = current_items (self);
      cg_chart_heatmap_draw (cr, w, h, self->session, (guint *) items->data, items->len, &style);
      break;
    case CG_CHART_KIND_RADAR:
      {
        /* Compared with an earlier round: its group line, dashed. */
        CgRadarEarlier earlier;
        g_autofree char *label = NULL;
        gboolean since = cg_report_since_radar (self->session, &earlier, &label);

        cg_chart_radar_draw_full (cr, w, h, self->session, &style, since ? &earlier : NULL);
      }
      break;
    case CG_CHART_KIND_ROLES: cg_role_matrix_draw (cr, w, h, self->session, &style); break;
    case CG_CHART_KIND_GROUPS: cg_chart_group_heatmap_draw (cr, w, h, self->session, &style); break;
    default: break;
    }
  cairo_destroy (cr);
}

static double
height_for_width (CgChartWidget *self,
                  double         width)
{
  g_autofree char *family = NULL;
  g_autoptr (GArray) items = NULL;
  CgChartStyle style;

  if (!is_ready (self))
    return 0;
  style_for_widget (self, &style, &family);
  switch (self->kind)
    {
    case CG_CHART_KIND_DOTS:
      return cg_chart_dots_get_height_for_width (self->session, self->item_id, width, &style);
    case CG_CHART_KIND_HEATMAP:
      items = current_items (self);
      return cg_chart_heatmap_get_height_for_width (self->session, (guint *) items->data,
                                                    items->len, width, &style);
    case CG_CHART_KIND_RADAR:
      return cg_chart_radar_get_height_for_width (self->session, width, &style);
    case CG_CHART_KIND_ROLES:
      return cg_role_matrix_get_height_for_width (self->session, width, &style);
    case CG_CHART_KIND_GROUPS:
      return cg_chart_group_heatmap_get_height_for_width (self->session, width, &style);
    default: return 0;
    }
}

static void
cg_chart_widget_measure (GtkWidget     *widget,
                         GtkOrientation orientation,
                         int            for_size,
                         int           *minimum,
                         int           *natural,
                         int           *minimum_baseline,
                         int           *natural_baseline)
{
  CgChartWidget *self = CG_CHART_WIDGET (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 280;
      *natural = 800;
      return;
    }
  *minimum = *natural = (int) height_for_width (self, for_size > 0 ? for_size : 800);
  if (self->shrink)
    *minimum = MIN (*natural, 240);
}

static GtkSizeRequestMode
cg_chart_widget_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
cg_chart_widget_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (cg_chart_widget_parent_class)->css_changed (widget, change);
  gtk_widget_queue_resize (widget);
}

static void
on_appearance_changed (CgAppearance  *appearance,
                       GParamSpec    *pspec,
                       CgChartWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

CgChartKind
cg_chart_widget_get_kind (CgChartWidget *self)
{
  g_return_val_if_fail (CG_IS_CHART_WIDGET (self), CG_CHART_KIND_DOTS);
  return self->kind;
}

CgSession *
cg_chart_widget_get_session (CgChartWidget *self)
{
  g_return_val_if_fail (CG_IS_CHART_WIDGET (self), NULL);
  return self->session;
}

void
cg_chart_widget_set_session (CgChartWidget *self,
                             CgSession     *session)
{
  g_return_if_fail (CG_IS_CHART_WIDGET (self));
  g_return_if_fail (session == NULL || CG_IS_SESSION (session));

  if (self->session == session)
    return;
  g_clear_signal_handler (&self->changed_id, self->session);
  g_set_object (&self->session, session);
  if (session != NULL)
    self->changed_id = g_signal_connect (session, "changed", G_CALLBACK (on_session_changed), self);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

guint
cg_chart_widget_get_item_id (CgChartWidget *self)
{
  g_return_val_if_fail (CG_IS_CHART_WIDGET (self), 0);
  return self->item_id;
}

void
cg_chart_widget_set_item_id (CgChartWidget *self,
                             guint          item_id)
{
  g_return_if_fail (CG_IS_CHART_WIDGET (self));

  if (self->item_id == item_id)
    return;
  self->item_id = item_id;
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM_ID]);
}

void
cg_chart_widget_set_items (CgChartWidget *self,
                           const guint   *item_ids,
                           guint          n_items)
{
  g_return_if_fail (CG_IS_CHART_WIDGET (self));

  g_clear_pointer (&self->items, g_array_unref);
  if (item_ids != NULL)
    {
      self->items = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_vals (self->items, item_ids, n_items);
    }
  refresh (self);
}

void
cg_chart_widget_set_min_font_px (CgChartWidget *self,
                                 double         px)
{
  g_return_if_fail (CG_IS_CHART_WIDGET (self));

  self->min_font_px = MAX (px, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cg_chart_widget_set_shrink (CgChartWidget *self,
                            gboolean       shrink)
{
  g_return_if_fail (CG_IS_CHART_WIDGET (self));

  self->shrink = !!shrink;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cg_chart_widget_set_hide_item_title (CgChartWidget *self,
                                     gboolean       hide)
{
  g_return_if_fail (CG_IS_CHART_WIDGET (self));

  self->hide_item_title = !!hide;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
cg_chart_widget_get_style (CgChartWidget *self,
                           CgChartStyle  *style)
{
  g_autofree char *family = NULL;

  g_return_if_fail (CG_IS_CHART_WIDGET (self));
  g_return_if_fail (style != NULL);

  style_for_widget (self, style, &family);
  /* The family string dies here; callers get the sizes and colours. */
  style->font_family = "Sans";
}

const char *
cg_chart_widget_get_description (CgChartWidget *self)
{
  g_return_val_if_fail (CG_IS_CHART_WIDGET (self), NULL);
  if (self->stale)
    {
      self->stale = FALSE;
      update_description (self);
    }
  return self->description;
}

static void
cg_chart_widget_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CgChartWidget *self = CG_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_SESSION: g_value_set_object (value, self->session); break;
    case PROP_ITEM_ID: g_value_set_uint (value, self->item_id); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_chart_widget_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CgChartWidget *self = CG_CHART_WIDGET (object);

  switch (prop_id)
    {
    case PROP_KIND: self->kind = g_value_get_enum (value); break;
    case PROP_SESSION: cg_chart_widget_set_session (self, g_value_get_object (value)); break;
    case PROP_ITEM_ID: cg_chart_widget_set_item_id (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_chart_widget_dispose (GObject *object)
{
  CgChartWidget *self = CG_CHART_WIDGET (object);

  g_clear_signal_handler (&self->changed_id, self->session);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (cg_chart_widget_parent_class)->dispose (object);
}

static void
cg_chart_widget_finalize (GObject *object)
{
  CgChartWidget *self = CG_CHART_WIDGET (object);

  g_clear_pointer (&self->items, g_array_unref);
  g_free (self->description);
  G_OBJECT_CLASS (cg_chart_widget_parent_class)->finalize (object);
}

static void
cg_chart_widget_constructed (GObject *object)
{
  CgChartWidget *self = CG_CHART_WIDGET (object);
  CgAppearance *appearance = cg_appearance_get_default ();

  G_OBJECT_CLASS (cg_chart_widget_parent_class)->constructed (object);
  /* The app's high-contrast switch as well as the system's. */
  g_signal_connect_object (appearance, "notify::dark", G_CALLBACK (on_appearance_changed), self, 0);
  g_signal_connect_object (appearance, "notify::high-contrast", G_CALLBACK (on_appearance_changed),
                           self, 0);
  update_description (self);
}

static void
cg_chart_widget_class_init (CgChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cg_chart_widget_get_property;
  object_class->set_property = cg_chart_widget_set_property;
  object_class->constructed = cg_chart_widget_constructed;
  object_class->dispose = cg_chart_widget_dispose;
  object_class->finalize = cg_chart_widget_finalize;
  widget_class->snapshot = cg_chart_widget_snapshot;
  widget_class->map = cg_chart_widget_map;
  widget_class->measure = cg_chart_widget_measure;
  widget_class->get_request_mode = cg_chart_widget_get_request_mode;
  widget_class->css_changed = cg_chart_widget_css_changed;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CG_TYPE_CHART_KIND, CG_CHART_KIND_DOTS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CG_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ITEM_ID] =
    g_param_spec_uint ("item-id", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
cg_chart_widget_init (CgChartWidget *self)
{
}

GtkWidget *
cg_chart_widget_new (CgChartKind kind)
{
  return g_object_new (CG_TYPE_CHART_WIDGET, "kind", kind, NULL);
}
