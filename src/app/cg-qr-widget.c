/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-qr-widget"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-qr.h"
#include "cg-qr-widget.h"

struct _CgQrWidget
{
  GtkWidget parent_instance;

  /* Owned */
  char *text;
  CgQr *qr;
  guint module_size;
  guint drawn_module_size;
};

G_DEFINE_FINAL_TYPE (CgQrWidget, cg_qr_widget, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_MODULE_SIZE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The largest whole module size that fits @w x @h, never under the minimum. */
static guint
module_for (CgQrWidget *self,
            int         w,
            int         h)
{
  guint extent = cg_qr_get_extent (self->qr);

  return MAX (self->module_size, (guint) MIN (w, h) / extent);
}

static void
cg_qr_widget_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  CgQrWidget *self = CG_QR_WIDGET (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  guint module, side;
  cairo_t *cr;

  if (self->qr == NULL || w <= 0 || h <= 0)
    return;
  module = module_for (self, w, h);
  side = module * cg_qr_get_extent (self->qr);
  self->drawn_module_size = module;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  /* Centred on whole pixels, so no module edge is blurred. */
  cg_qr_draw (cr, self->qr, (w - (int) side) / 2, (h - (int) side) / 2, module);
  cairo_destroy (cr);
}

static void
cg_qr_widget_measure (GtkWidget     *widget,
                      GtkOrientation orientation,
                      int            for_size,
                      int           *minimum,
                      int           *natural,
                      int           *minimum_baseline,
                      int           *natural_baseline)
{
  CgQrWidget *self = CG_QR_WIDGET (widget);

  *minimum = *natural = self->qr ? (int) (cg_qr_get_extent (self->qr) * self->module_size) : 0;
}

static void
update_accessible (CgQrWidget *self)
{
  g_autofree char *label = NULL;

  if (self->text == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }
  /* Translators: %s is the web address the QR code holds. */
  label = g_strdup_printf (_("QR code for %s"), self->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
cg_qr_widget_set_text (CgQrWidget *self,
                       const char *text)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (CG_IS_QR_WIDGET (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->text, text) == 0)
    return;
  g_free (self->text);
  self->text = g_strdup (text);
  g_clear_pointer (&self->qr, cg_qr_free);
  if (text != NULL)
    {
      self->qr = cg_qr_new (text, &error);
      /* A join URL is far below QR's 2 KB limit: this is a bug, not a
       * user error. */
      if (self->qr == NULL)
        g_critical ("No QR code for “%s”: %s", text, error->message);
    }
  self->drawn_module_size = 0;
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
cg_qr_widget_get_text (CgQrWidget *self)
{
  g_return_val_if_fail (CG_IS_QR_WIDGET (self), NULL);
  return self->text;
}

void
cg_qr_widget_set_module_size (CgQrWidget *self,
                              guint       module_size)
{
  g_return_if_fail (CG_IS_QR_WIDGET (self));
  g_return_if_fail (module_size > 0);

  if (self->module_size == module_size)
    return;
  self->module_size = module_size;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODULE_SIZE]);
}

guint
cg_qr_widget_get_module_size (CgQrWidget *self)
{
  g_return_val_if_fail (CG_IS_QR_WIDGET (self), 0);
  return self->module_size;
}

guint
cg_qr_widget_get_extent (CgQrWidget *self)
{
  g_return_val_if_fail (CG_IS_QR_WIDGET (self), 0);
  return self->qr != NULL ? cg_qr_get_extent (self->qr) : 0;
}

guint
cg_qr_widget_get_drawn_module_size (CgQrWidget *self)
{
  g_return_val_if_fail (CG_IS_QR_WIDGET (self), 0);
  return self->drawn_module_size;
}

static void
cg_qr_widget_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CgQrWidget *self = CG_QR_WIDGET (object);

  switch (prop_id)
    {
    case PROP_TEXT: g_value_set_string (value, self->text); break;
    case PROP_MODULE_SIZE: g_value_set_uint (value, self->module_size); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_qr_widget_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CgQrWidget *self = CG_QR_WIDGET (object);

  switch (prop_id)
    {
    case PROP_TEXT: cg_qr_widget_set_text (self, g_value_get_string (value)); break;
    case PROP_MODULE_SIZE: cg_qr_widget_set_module_size (self, g_value_get_uint (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cg_qr_widget_finalize (GObject *object)
{
  CgQrWidget *self = CG_QR_WIDGET (object);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->qr, cg_qr_free);
  G_OBJECT_CLASS (cg_qr_widget_parent_class)->finalize (object);
}

static void
cg_qr_widget_class_init (CgQrWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cg_qr_widget_get_property;
  object_class->set_property = cg_qr_widget_set_property;
  object_class->finalize = cg_qr_widget_finalize;
  widget_class->snapshot = cg_qr_widget_snapshot;
  widget_class->measure = cg_qr_widget_measure;

  properties[PROP_TEXT] = g_param_spec_string (
    "text", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODULE_SIZE] =
    g_param_spec_uint ("module-size", NULL, NULL, 1, 64, 4,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "qrcode");
}

static void
cg_qr_widget_init (CgQrWidget *self)
{
  self->module_size = 4;
}

GtkWidget *
cg_qr_widget_new (void)
{
  return g_object_new (CG_TYPE_QR_WIDGET, NULL);
}
