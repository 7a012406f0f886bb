/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-roles-page"
#include "config.h"

#include "cg-roles-page.h"
#include "cg-capture-bar.h"
#include "cg-side-scroller.h"
#include "cg-item-list.h"
#include "cg-stage-page.h"
#include "cg-role-grid.h"

struct _CgRolesPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  CgCaptureBar *capture_bar;
  CgRoleGrid *involvement_grid;
  CgRoleGrid *accountable_grid;
  CgItemList *tasks;

  /* Owned */
  CgSession *session;
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CgRolesPage,
                               cg_roles_page,
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
                    CgRolesPage  *self)
{
  guint partner = cg_capture_bar_get_private_partner (bar);

  cg_role_grid_set_only_partner (self->involvement_grid, partner);
  cg_role_grid_set_only_partner (self->accountable_grid, partner);
}

void
cg_roles_page_set_session (CgRolesPage *self,
                           CgSession   *session)
{
  g_return_if_fail (CG_IS_ROLES_PAGE (self));
  g_return_if_fail (session == NULL || CG_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  cg_capture_bar_set_session (self->capture_bar, session);
  cg_role_grid_set_session (self->involvement_grid, session);
  cg_role_grid_set_session (self->accountable_grid, session);
  cg_item_list_set_session (self->tasks, session);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkWidget *
cg_roles_page_get_involvement_grid (CgRolesPage *self)
{
  g_return_val_if_fail (CG_IS_ROLES_PAGE (self), NULL);
  return GTK_WIDGET (self->involvement_grid);
}

GtkWidget *
cg_roles_page_get_accountable_grid (CgRolesPage *self)
{
  g_return_val_if_fail (CG_IS_ROLES_PAGE (self), NULL);
  return GTK_WIDGET (self->accountable_grid);
}

static void
cg_roles_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  if (prop_id == PROP_SESSION)
    g_value_set_object (value, CG_ROLES_PAGE (object)->session);
  else if (prop_id == PROP_STAGE)
    g_value_set_int (value, CG_STAGE_ROLES);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cg_roles_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  if (prop_id == PROP_SESSION)
    cg_roles_page_set_session (CG_ROLES_PAGE (object), g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cg_roles_page_dispose (GObject *object)
{
  CgRolesPage *self = CG_ROLES_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_ROLES_PAGE);
  /* The template's top-level child is not a bound one: drop it too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (cg_roles_page_parent_class)->dispose (object);
}

static void
cg_roles_page_class_init (CgRolesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cg_roles_page_get_property;
  object_class->set_property = cg_roles_page_set_property;
  object_class->dispose = cg_roles_page_dispose;
  properties[PROP_SESSION] =
    cg_stage_page_override_properties (object_class, PROP_SESSION, PROP_STAGE);

  g_type_ensure (CG_TYPE_CAPTURE_BAR);
  g_type_ensure (CG_TYPE_SIDE_SCROLLER);
  g_type_ensure (CG_TYPE_ROLE_GRID);
  g_type_ensure (CG_TYPE_ITEM_LIST);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/commonground/CommonGround/cg-roles-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgRolesPage, capture_bar);
  gtk_widget_class_bind_template_child (widget_class, CgRolesPage, involvement_grid);
  gtk_widget_class_bind_template_child (widget_class, CgRolesPage, accountable_grid);
  gtk_widget_class_bind_template_child (widget_class, CgRolesPage, tasks);
  gtk_widget_class_bind_template_callback (widget_class, on_private_partner);
}

static void
cg_roles_page_init (CgRolesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  cg_capture_bar_set_stage (self->capture_bar, CG_STAGE_ROLES);
  cg_role_grid_set_mode (self->involvement_grid, CG_ROLE_GRID_INVOLVEMENT);
  cg_role_grid_set_mode (self->accountable_grid, CG_ROLE_GRID_ACCOUNTABLE);
  cg_item_list_set_stage (self->tasks, CG_STAGE_ROLES);
}

GtkWidget *
cg_roles_page_new (void)
{
  return g_object_new (CG_TYPE_ROLES_PAGE, NULL);
}
