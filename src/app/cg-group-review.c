/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-group-review"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cg-analysis.h"
#include "cg-chart-items.h"
#include "cg-chart-widget.h"
#include "cg-group-review.h"

/* A projector list stays short; the report and --report have them all. */
#define DIVIDES_MAX 8

struct _CgGroupReview
{
  GtkWidget parent_instance;

  /* Template widgets */
  CgChartWidget *heatmap;
  GtkListBox *list;
  GtkWidget *empty;

  /* Owned */
  CgSession *session;
  gulong changed_id;
  gboolean stale; /* the session changed while the section was not shown */
};

G_DEFINE_FINAL_TYPE (CgGroupReview, cg_group_review, GTK_TYPE_WIDGET)

/* "Health 4.5", "Charity (one partner) 3.0". */
static char *
group_text (const CgGroupMean *g)
{
  if (g->n_partners == 1)
    return g_strdup_printf (_("%s (one partner) %.1f"), g->name, g->mean);
  return g_strdup_printf ("%s %.1f", g->name, g->mean);
}

static GtkWidget *
divide_row (CgSession *session,
            guint      item_id)
{
  const CgItem *item = cg_session_lookup_item (session, item_id);
  g_autoptr (CgGroupStats) st = cg_analysis_item_groups (session, item_id);
  g_autofree char *label = cg_chart_item_label (session, item_id);
  g_autofree char *title = g_strdup_printf ("%s  %s", label, item->text);
  g_autofree char *high = group_text (&g_array_index (st->groups, CgGroupMean, st->high));
  g_autofree char *low = group_text (&g_array_index (st->groups, CgGroupMean, st->low));
  /* TRANSLATORS: two groups with their means, then how far apart they are */
  g_autofree char *subtitle =
    g_strdup_printf (_("%s · %s · %.1f points apart"), high, low, st->gap);
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *subtitle_markup = g_markup_escape_text (subtitle, -1);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.goto-stage");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s",
                                    cg_stage_to_string (cg_chart_item_stage (session, item_id)));
  return row;
}

static void
rebuild_list (CgGroupReview *self)
{
  g_autoptr (GArray) divides = cg_analysis_group_divides (self->session, 0);
  GtkWidget *child;
  guint added = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  /* Hidden items are left out before the list is cut. */
  for (guint i = 0; i < divides->len && added < DIVIDES_MAX; i++)
    {
      guint id = g_array_index (divides, guint, i);

      if (!cg_chart_item_visible (self->session, id))
        continue;
      gtk_list_box_append (self->list, divide_row (self->session, id));
      added++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->list), added > 0);
  gtk_widget_set_visible (self->empty, added == 0);
}

/* The section only speaks when there is something to compare: two groups
 * with partners. */
static void
rebuild (CgGroupReview *self)
{
  g_autoptr (GPtrArray) groups = NULL;

  if (self->session == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  groups = cg_analysis_group_names (self->session);
  gtk_widget_set_visible (GTK_WIDGET (self), groups->len >= 2);
  if (groups->len >= 2)
    rebuild_list (self);
}

static void
on_session_changed (CgSession     *session,
                    CgChangeKind   kind,
                    guint          a,
                    guint          b,
                    CgGroupReview *self)
{
  if (kind == CG_CHANGE_DETAIL || kind == CG_CHANGE_CHARTER || kind == CG_CHANGE_COMMENT ||
      kind == CG_CHANGE_LESSON)
    return;
  /* Hidden sections (no groups yet, or the page off screen) still need to
   * learn that a second group appeared: only the list waits. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) && gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  rebuild (self);
}

static void
cg_group_review_map (GtkWidget *widget)
{
  CgGroupReview *self = CG_GROUP_REVIEW (widget);

  GTK_WIDGET_CLASS (cg_group_review_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      rebuild (self);
    }
}

void
cg_group_review_set_session (CgGroupReview *self,
                             CgSession     *session)
{
  g_return_if_fail (CG_IS_GROUP_REVIEW (self));
  g_return_if_fail (session == NULL || CG_IS_SESSION (session));

  if (self->session == session)
    return;
  g_clear_signal_handler (&self->changed_id, self->session);
  g_set_object (&self->session, session);
  if (session != NULL)
    self->changed_id = g_signal_connect (session, "changed", G_CALLBACK (on_session_changed), self);
  cg_chart_widget_set_session (self->heatmap, session);
  rebuild (self);
}

GtkWidget *
cg_group_review_get_list (CgGroupReview *self)
{
  g_return_val_if_fail (CG_IS_GROUP_REVIEW (self), NULL);
  return GTK_WIDGET (self->list);
}

static void
cg_group_review_dispose (GObject *object)
{
  CgGroupReview *self = CG_GROUP_REVIEW (object);
  GtkWidget *child;

  g_clear_signal_handler (&self->changed_id, self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_GROUP_REVIEW);
  /* The box holding the template children has no id of its own. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (cg_group_review_parent_class)->dispose (object);
}

static void
cg_group_review_class_init (CgGroupReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cg_group_review_dispose;
  widget_class->map = cg_group_review_map;
  g_type_ensure (CG_TYPE_CHART_WIDGET);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/commonground/CommonGround/cg-group-review.ui");
  gtk_widget_class_bind_template_child (widget_class, CgGroupReview, heatmap);
  gtk_widget_class_bind_template_child (widget_class, CgGroupReview, list);
  gtk_widget_class_bind_template_child (widget_class, CgGroupReview, empty);
}

static void
cg_group_review_init (CgGroupReview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
cg_group_review_new (void)
{
  return g_object_new (CG_TYPE_GROUP_REVIEW, NULL);
}
