/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-aims-page"
#include "config.h"

#include "cg-aims-page.h"
#include "cg-capture-bar.h"
#include "cg-side-scroller.h"
#include "cg-item-list.h"
#include "cg-stage-page.h"
#include "cg-rating-grid.h"

struct _CgAimsPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  CgCaptureBar *capture_bar;
  CgRatingGrid *grid;
  CgItemList *aims;

  /* Owned */
  CgSession *session;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CgAimsPage,
                               cg_aims_page,
                               GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (CG_TYPE_STAGE_PAGE, NULL))

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STAGE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static void
on_private_partner (CgCaptureBar *bar,
                    GParamSpec   *pspec,
                    CgAimsPage   *self)
{
  cg_rating_grid_set_only_partner (self->grid, cg_capture_bar_get_private_partner (bar));
}

void
cg_aims_page_set_session (CgAimsPage *self,
                          CgSession  *session)
{
  g_return_if_fail (CG_IS_AIMS_PAGE (self));
  g_return_if_fail (session == NULL || CG_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  cg_capture_bar_set_session (self->capture_bar, session);
  cg_rating_grid_set_session (self->grid, session);
  cg_item_list_set_session (self->aims, session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkWidget *
cg_aims_page_get_grid (CgAimsPage *self)
{
  g_return_val_if_fail (CG_IS_AIMS_PAGE (self), NULL);
  return GTK_WIDGET (self->grid);
}

static void
cg_aims_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  if (prop_id == PROP_SESSION)
    g_value_set_object (value, CG_AIMS_PAGE (object)->session);
  else if (prop_id == PROP_STAGE)
    g_value_set_int (value, CG_STAGE_AIMS);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cg_aims_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  if (prop_id == PROP_SESSION)
    cg_aims_page_set_session (CG_AIMS_PAGE (object), g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cg_aims_page_dispose (GObject *object)
{
  CgAimsPage *self = CG_AIMS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_AIMS_PAGE);
  /* The template's top-level child is not a bound one: drop it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (cg_aims_page_parent_class)->dispose (object);
}

static void
cg_aims_page_class_init (CgAimsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cg_aims_page_get_property;
  object_class->set_property = cg_aims_page_set_property;
  object_class->dispose = cg_aims_page_dispose;
  properties[PROP_SESSION] =
    cg_stage_page_override_properties (object_class, PROP_SESSION, PROP_STAGE);

  g_type_ensure (CG_TYPE_CAPTURE_BAR);
  g_type_ensure (CG_TYPE_SIDE_SCROLLER);
  g_type_ensure (CG_TYPE_RATING_GRID);
  g_type_ensure (CG_TYPE_ITEM_LIST);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/commonground/CommonGround/cg-aims-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgAimsPage, capture_bar);
  gtk_widget_class_bind_template_child (widget_class, CgAimsPage, grid);
  gtk_widget_class_bind_template_child (widget_class, CgAimsPage, aims);
  gtk_widget_class_bind_template_callback (widget_class, on_private_partner);
}

static void
cg_aims_page_init (CgAimsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cg_capture_bar_set_stage (self->capture_bar, CG_STAGE_AIMS);
  cg_rating_grid_set_stage (self->grid, CG_STAGE_AIMS);
  cg_item_list_set_stage (self->aims, CG_STAGE_AIMS);
}

GtkWidget *
cg_aims_page_new (void)
{
  return g_object_new (CG_TYPE_AIMS_PAGE, NULL);
}
