/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-review-page"
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "cg-appearance.h"
#include "cg-review-page.h"
#include "cg-chart-items.h"
#include "cg-chart-style.h"
#include "cg-chart-widget.h"
#include "cg-group-review.h"
#include "cg-role-matrix.h"
#include "cg-since-section.h"
#include "cg-stage-page.h"

#define TALK_MAX 8

struct _CgReviewPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkListBox *talk_list;
  GtkWidget *talk_empty;
  GtkFlowBox *partner_key;
  GtkBox *strips;
  CgChartWidget *radar;
  CgChartWidget *heatmap;
  CgChartWidget *roles;
  CgGroupReview *by_group;

  /* Owned */
  CgSession *session;
  GSignalGroup *session_signals;
  guint rebuild_id;
  gboolean stale; /* the session changed while the page was not shown */
};

G_DEFINE_FINAL_TYPE_WITH_CODE (CgReviewPage,
                               cg_review_page,
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
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

static GtkWidget *
talk_row (const char *title,
          const char *subtitle,
          const char *stage)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *subtitle_markup = g_markup_escape_text (subtitle, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.goto-stage");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", stage);
  return row;
}

static char *
item_subtitle (CgSession         *session,
               const CgItemStats *st,
               CgStage            stage)
{
  GString *s = g_string_new (cg_item_stats_label (st));

  g_string_append_printf (s, " · %s", cg_stage_get_title (stage));
  for (guint i = 0; st->dissenters != NULL && i < st->dissenters->len; i++)
    {
      const CgPartner *p =
        cg_session_lookup_partner (session, g_array_index (st->dissenters, guint, i));

      if (p != NULL)
        g_string_append_printf (s, i == 0 ? _(" · Stands apart: %s") : ", %s", p->name);
    }
  return g_string_free (s, FALSE);
}

static guint
add_item_rows (CgReviewPage *self,
               GArray       *item_ids)
{
  guint added = 0;

  for (guint i = 0; i < item_ids->len && added < TALK_MAX; i++)
    {
      guint id = g_array_index (item_ids, guint, i);
      const CgItem *item = cg_session_lookup_item (self->session, id);
      g_autoptr (CgItemStats) st = cg_analysis_item (self->session, id);
      g_autofree char *label = NULL, *title = NULL, *subtitle = NULL;
      CgStage stage;

      /* The analysis does not know what is hidden; the page does. */
      if (item == NULL || st == NULL || !cg_chart_item_visible (self->session, id))
        continue;
      stage = cg_chart_item_stage (self->session, id);
      label = cg_chart_item_label (self->session, id);
      title = g_strdup_printf ("%s  %s", label, item->text);
      subtitle = item_subtitle (self->session, st, stage);
      gtk_list_box_append (self->talk_list, talk_row (title, subtitle, cg_stage_to_string (stage)));
      added++;
    }
  return added;
}

static guint
add_task_rows (CgReviewPage *self,
               GArray       *task_ids)
{
  guint added = 0;

  if (!cg_session_answers_visible (self->session, CG_STAGE_ROLES))
    return 0;
  for (guint i = 0; i < task_ids->len && added < TALK_MAX; i++)
    {
      guint id = g_array_index (task_ids, guint, i);
      const CgTask *task = cg_session_lookup_task (self->session, id);
      g_autoptr (CgTaskStats) st = cg_analysis_task (self->session, id);
      g_autofree char *flags = NULL, *subtitle = NULL;

      if (task == NULL || st == NULL)
        continue;
      flags = cg_role_matrix_flags_text (st);
      subtitle = g_strdup_printf ("%s · %s", flags, cg_stage_get_title (CG_STAGE_ROLES));
      gtk_list_box_append (self->talk_list,
                           talk_row (task->text, subtitle, cg_stage_to_string (CG_STAGE_ROLES)));
      added++;
    }
  return added;
}

static void
rebuild_talk (CgReviewPage *self)
{
  g_autoptr (GArray) items = NULL;
  g_autoptr (GArray) tasks = NULL;
  g_autoptr (GArray) missing = NULL;
  guint n;

  remove_children (GTK_WIDGET (self->talk_list));
  /* No cut here: hidden entries are skipped after, then we cut. Divergent
   * items, then what the room agrees is missing ("Agreed: not yet"), then
   * unclear roles. */
  cg_analysis_talk_first (self->session, 0, &items, &tasks);
  missing = cg_analysis_agreed_missing (self->session, 0);
  n = add_item_rows (self, items) + add_item_rows (self, missing) + add_task_rows (self, tasks);
  gtk_widget_set_visible (GTK_WIDGET (self->talk_list), n > 0);
  gtk_widget_set_visible (self->talk_empty, n == 0);
}

static void
rebuild_partner_key (CgReviewPage *self)
{
  g_auto (GStrv) tags = cg_chart_partner_tags (self->session);

  remove_children (GTK_WIDGET (self->partner_key));
  for (guint i = 0; i < cg_session_get_n_partners (self->session); i++)
    {
      const CgPartner *p = cg_session_get_partner (self->session, i);
      g_autofree char *name = g_markup_escape_text (p->name, -1);
      g_autofree char *tag = g_markup_escape_text (tags[i], -1);
      g_autofree char *colour =
        cg_appearance_partner_colour (cg_appearance_get_default (), p->colour);
      g_autofree char *markup =
        g_strdup_printf ("<span foreground=\"%s\">⬤</span> <b>%s</b>  %s", colour, tag, name);
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (label, p->name);
      gtk_flow_box_append (self->partner_key, label);
      /* A key to read, not a control: no Tab stop per partner (each was
       * read as an unnamed "GtkFlowBoxChild"). */
      gtk_widget_set_focusable (gtk_widget_get_parent (label), FALSE);
    }
}

static void
add_hidden_notice (CgReviewPage *self,
                   CgStage       stage)
{
  g_autofree char *text =
    g_strdup_printf ("%s: %s", cg_stage_get_title (stage),
                     _("Answers are hidden until you reveal them on that stage."));
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "review-hidden");
  gtk_box_append (self->strips, label);
}

static void
rebuild_strips (CgReviewPage *self)
{
  g_autoptr (GArray) order = cg_analysis_review_order (self->session);
  gboolean stage_has_items[CG_N_STAGES] = { FALSE };

  remove_children (GTK_WIDGET (self->strips));
  for (guint l = 0; l < CG_N_LESSONS; l++)
    stage_has_items[CG_STAGE_FOR_LESSON (l)] = cg_session_get_n_statements (self->session, l) > 0;
  stage_has_items[CG_STAGE_AIMS] = cg_session_get_n_aims (self->session) > 0;
  for (guint s = 0; s < CG_N_STAGES; s++)
    if (stage_has_items[s] && !cg_session_answers_visible (self->session, s))
      add_hidden_notice (self, s);

  for (guint i = 0; i < order->len; i++)
    {
      GtkWidget *strip = cg_chart_widget_new (CG_CHART_KIND_DOTS);

      cg_chart_widget_set_session (CG_CHART_WIDGET (strip), self->session);
      cg_chart_widget_set_item_id (CG_CHART_WIDGET (strip), g_array_index (order, guint, i));
      if (i > 0 || gtk_widget_get_first_child (GTK_WIDGET (self->strips)) != NULL)
        gtk_box_append (self->strips, gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
      gtk_box_append (self->strips, strip);
    }
  if (gtk_widget_get_first_child (GTK_WIDGET (self->strips)) == NULL)
    {
      GtkWidget *label =
        gtk_label_new (_("No answers yet: add partners, then rate the statements and aims."));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->strips, label);
    }
}

static void
rebuild (CgReviewPage *self)
{
  gboolean has_partners;

  if (self->session == NULL)
    {
      remove_children (GTK_WIDGET (self->talk_list));
      remove_children (GTK_WIDGET (self->partner_key));
      remove_children (GTK_WIDGET (self->strips));
      return;
    }
  rebuild_talk (self);
  rebuild_partner_key (self);
  rebuild_strips (self);
  /* Charts of nobody are empty frames: show them once there are partners. */
  has_partners = cg_session_get_n_partners (self->session) > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->radar), has_partners);
  gtk_widget_set_visible (GTK_WIDGET (self->heatmap), has_partners);
  gtk_widget_set_visible (GTK_WIDGET (self->roles), has_partners);
}

static gboolean
rebuild_idle (gpointer data)
{
  CgReviewPage *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

/* Edits come in bursts (a row of ratings typed, an undo of a group): one
 * rebuild after them is enough. */
static void
on_session_changed (CgSession    *session,
                    CgChangeKind  kind,
                    guint         a,
                    guint         b,
                    CgReviewPage *self)
{
  if (kind == CG_CHANGE_DETAIL || kind == CG_CHANGE_CHARTER || kind == CG_CHANGE_COMMENT ||
      kind == CG_CHANGE_LESSON)
    return;
  /* Off screen the analysis and charts wait until the page is shown: the
   * keys typed on other stages don't pay for them. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, rebuild_idle, self, NULL);
}

static void
cg_review_page_map (GtkWidget *widget)
{
  CgReviewPage *self = CG_REVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (cg_review_page_parent_class)->map (widget);
  if (self->stale)
    {
      self->stale = FALSE;
      g_clear_handle_id (&self->rebuild_id, g_source_remove);
      rebuild (self);
    }
}

CgSession *
cg_review_page_get_session (CgReviewPage *self)
{
  g_return_val_if_fail (CG_IS_REVIEW_PAGE (self), NULL);
  return self->session;
}

void
cg_review_page_set_session (CgReviewPage *self,
                            CgSession    *session)
{
  g_return_if_fail (CG_IS_REVIEW_PAGE (self));
  g_return_if_fail (session == NULL || CG_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;
  g_signal_group_set_target (self->session_signals, session);
  cg_chart_widget_set_session (self->radar, session);
  cg_chart_widget_set_session (self->heatmap, session);
  cg_chart_widget_set_session (self->roles, session);
  cg_group_review_set_session (self->by_group, session);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

GtkWidget *
cg_review_page_get_talk_list (CgReviewPage *self)
{
  g_return_val_if_fail (CG_IS_REVIEW_PAGE (self), NULL);
  return GTK_WIDGET (self->talk_list);
}

GtkWidget *
cg_review_page_get_strips (CgReviewPage *self)
{
  g_return_val_if_fail (CG_IS_REVIEW_PAGE (self), NULL);
  return GTK_WIDGET (self->strips);
}

static void
cg_review_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  if (prop_id == PROP_SESSION)
    g_value_set_object (value, CG_REVIEW_PAGE (object)->session);
  else if (prop_id == PROP_STAGE)
    g_value_set_int (value, CG_STAGE_REVIEW);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cg_review_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  if (prop_id == PROP_SESSION)
    cg_review_page_set_session (CG_REVIEW_PAGE (object), g_value_get_object (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
cg_review_page_dispose (GObject *object)
{
  CgReviewPage *self = CG_REVIEW_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_signal_group_set_target (self->session_signals, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CG_TYPE_REVIEW_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (cg_review_page_parent_class)->dispose (object);
}

static void
cg_review_page_finalize (GObject *object)
{
  g_object_unref (CG_REVIEW_PAGE (object)->session_signals);
  G_OBJECT_CLASS (cg_review_page_parent_class)->finalize (object);
}

static void
cg_review_page_class_init (CgReviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cg_review_page_get_property;
  object_class->set_property = cg_review_page_set_property;
  object_class->dispose = cg_review_page_dispose;
  object_class->finalize = cg_review_page_finalize;
  widget_class->map = cg_review_page_map;
  properties[PROP_SESSION] =
    cg_stage_page_override_properties (object_class, PROP_SESSION, PROP_STAGE);

  g_type_ensure (CG_TYPE_CHART_WIDGET);
  g_type_ensure (CG_TYPE_SINCE_SECTION);
  g_type_ensure (CG_TYPE_GROUP_REVIEW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/commonground/CommonGround/cg-review-page.ui");
  gtk_widget_class_bind_template_child (widget_class, CgReviewPage, talk_list);
  gtk_widget_class_bind_template_child (widget_class, CgReviewPage, talk_empty);
  gtk_widget_class_bind_template_child (widget_class, CgReviewPage, partner_key);
  gtk_widget_class_bind_template_child (widget_class, CgReviewPage, strips);
  gtk_widget_class_bind_template_child (widget_class, CgReviewPage, radar);
  gtk_widget_class_bind_template_child (widget_class, CgReviewPage, heatmap);
  gtk_widget_class_bind_template_child (widget_class, CgReviewPage, roles);
  gtk_widget_class_bind_template_child (widget_class, CgReviewPage, by_group);
}

/* The key's colour dots are markup: high contrast changes their colour. */
static void
on_appearance_changed (CgAppearance *appearance,
                       GParamSpec   *pspec,
                       CgReviewPage *self)
{
  if (self->session != NULL)
    rebuild_partner_key (self);
}

static void
cg_review_page_init (CgReviewPage *self)
{
  CgAppearance *appearance = cg_appearance_get_default ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->session_signals = g_signal_group_new (CG_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "changed", G_CALLBACK (on_session_changed),
                                 self, 0);
  g_signal_connect_object (appearance, "notify::high-contrast", G_CALLBACK (on_appearance_changed),
                           self, 0);
  g_signal_connect_object (appearance, "notify::dark", G_CALLBACK (on_appearance_changed), self, 0);
}

GtkWidget *
cg_review_page_new (void)
{
  return g_object_new (CG_TYPE_REVIEW_PAGE, NULL);
}
