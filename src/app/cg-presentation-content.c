/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-presentation"
#include "config.h"

#include <glib/gi18n.h>

#include "cg-appearance.h"
#include "cg-charter-content.h"
#include "cg-chart-items.h"
#include "cg-chart-style.h"
#include "cg-chart-widget.h"
#include "cg-compare.h"
#include "cg-report-since.h"
#include "cg-presentation-content.h"
#include "cg-role-matrix.h"

/* Review: the talk-first list, the radar, the role matrix. */
enum {
  REVIEW_TALK,
  REVIEW_RADAR,
  REVIEW_ROLES,
  N_REVIEW_ITEMS
};
/* Charter: its sections, one a page. */
enum {
  CHARTER_PURPOSE,
  CHARTER_AIMS,
  CHARTER_ROLES,
  CHARTER_RULES,
  CHARTER_MEASURES,
  CHARTER_REVIEW,
  CHARTER_WORK_ON,
  CHARTER_OPEN,
  N_CHARTER_ITEMS
};
#define TALK_MAX 6

static guint
n_rated (CgSession *session,
         CgStage    stage)
{
  if (CG_STAGE_IS_LESSON (stage))
    return cg_session_get_n_statements (session, CG_LESSON_FOR_STAGE (stage));
  return stage == CG_STAGE_AIMS ? cg_session_get_n_aims (session) : 0;
}

static const CgItem *
rated_item (CgSession *session,
            CgStage    stage,
            guint      position)
{
  if (position >= n_rated (session, stage))
    return NULL;
  if (CG_STAGE_IS_LESSON (stage))
    return cg_session_get_statement (session, CG_LESSON_FOR_STAGE (stage), position);
  return cg_session_get_aim (session, position);
}

guint
cg_presentation_count_items (CgSession *session,
                             CgStage    stage)
{
  g_return_val_if_fail (CG_IS_SESSION (session), 1);

  if (CG_STAGE_IS_LESSON (stage) || stage == CG_STAGE_AIMS)
    return MAX (1, n_rated (session, stage));
  if (stage == CG_STAGE_REVIEW)
    return N_REVIEW_ITEMS + (cg_compare_get_earlier (session) != NULL ? 1 : 0);
  if (stage == CG_STAGE_CHARTER)
    return N_CHARTER_ITEMS;
  return 1;
}

int
cg_presentation_item_for_id (CgSession *session,
                             CgStage    stage,
                             guint      item_id)
{
  for (guint i = 0; i < n_rated (session, stage); i++)
    if (rated_item (session, stage, i)->id == item_id)
      return (int) i;
  return -1;
}

/* Long text wraps, never ellipsizes: the room must read all of it. */
static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_NONE);
  gtk_widget_set_halign (label, GTK_ALIGN_FILL);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
main_label (CgPresentationContent *out,
            const char            *text)
{
  out->main_label = text_label (text, "presentation-main");
  gtk_accessible_update_property (GTK_ACCESSIBLE (out->main_label), GTK_ACCESSIBLE_PROPERTY_LEVEL,
                                  1, -1);
  gtk_box_append (GTK_BOX (out->widget), out->main_label);
  return out->main_label;
}

static GtkWidget *
body_label (CgPresentationContent *out,
            const char            *text)
{
  GtkWidget *label = text_label (text, "presentation-body");

  gtk_box_append (GTK_BOX (out->widget), label);
  return label;
}

static GtkWidget *
chart (CgPresentationContent *out,
       CgSession             *session,
       CgChartKind            kind,
       guint                  item_id)
{
  GtkWidget *widget = cg_chart_widget_new (kind);

  cg_chart_widget_set_min_font_px (CG_CHART_WIDGET (widget), CG_PRESENTATION_MIN_CHART_PX);
  cg_chart_widget_set_hide_item_title (CG_CHART_WIDGET (widget), TRUE);
  if (kind == CG_CHART_KIND_DOTS)
    cg_chart_widget_set_item_id (CG_CHART_WIDGET (widget), item_id);
  cg_chart_widget_set_session (CG_CHART_WIDGET (widget), session);
  gtk_box_append (GTK_BOX (out->widget), widget);
  return widget;
}

static void
private_notice (CgPresentationContent *out)
{
  body_label (out, _("Answers are being entered privately. They appear here when everyone "
                      "is back."));
}

static void
build_session (CgSession             *session,
               CgPresentationContent *out)
{
  const char *title = cg_session_get_detail (session, CG_DETAIL_TITLE);
  const char *context = cg_session_get_detail (session, CG_DETAIL_CONTEXT);
  g_autofree char *date = cg_charter_format_date (cg_session_get_detail (session, CG_DETAIL_DATE));
  const char *facilitator = cg_session_get_detail (session, CG_DETAIL_FACILITATOR);
  g_autoptr (GString) line = g_string_new (date);

  main_label (out, *title != '\0' ? title : _("Untitled session"));
  if (*facilitator != '\0')
    g_string_append_printf (
      line, line->len > 0 ? _(" · Facilitated by %s") : _("Facilitated by %s"), facilitator);
  if (line->len > 0)
    body_label (out, line->str);
  if (*context != '\0')
    body_label (out, context);
}

static char *
partner_markup (const CgPartner *p,
                const char      *tag)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autofree char *name = g_markup_escape_text (p->name, -1);
  g_autofree char *colour = cg_appearance_partner_colour (cg_appearance_get_default (), p->colour);

  g_string_append_printf (s, "<span foreground=\"%s\">⬤</span> <b>%s</b>  %s", colour, tag, name);
  if (p->organisation != NULL && *p->organisation != '\0')
    {
      g_autofree char *org = g_markup_escape_text (p->organisation, -1);
      g_string_append_printf (s, ", %s", org);
    }
  if (p->role != NULL && *p->role != '\0')
    {
      g_autofree char *role = g_markup_escape_text (p->role, -1);
      g_string_append_printf (s, " <i>(%s)</i>", role);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
build_partners (CgSession             *session,
                CgPresentationContent *out)
{
  guint n = cg_session_get_n_partners (session);
  g_auto (GStrv) tags = cg_chart_partner_tags (session);
  g_autofree char *heading = NULL;

  heading =
    g_strdup_printf (ngettext ("%u partner, %u relationship to keep alive",
                               "%u partners, %u relationships to keep alive", n < 2 ? n : 2),
                     n, n * (n > 0 ? n - 1 : 0) / 2);
  main_label (out, heading);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *markup = partner_markup (cg_session_get_partner (session, i), tags[i]);
      GtkWidget *label = body_label (out, NULL);

      gtk_label_set_markup (GTK_LABEL (label), markup);
    }
}

static void
build_lesson_intro (CgSession             *session,
                    guint                  lesson,
                    CgPresentationContent *out)
{
  const char *const *prompts = cg_session_get_lesson_prompts (session, lesson);

  main_label (out, cg_lesson_get_title (lesson));
  body_label (out, cg_session_get_lesson_intro (session, lesson));
  for (guint i = 0; prompts != NULL && prompts[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("•  %s", prompts[i]);
      body_label (out, line);
    }
}

static void
build_rated (CgSession             *session,
             CgStage                stage,
             guint                  position,
             gboolean               private_entry,
             CgPresentationContent *out)
{
  const CgItem *item = rated_item (session, stage, position);
  g_autofree char *label = NULL;

  if (item == NULL)
    {
      if (CG_STAGE_IS_LESSON (stage))
        build_lesson_intro (session, CG_LESSON_FOR_STAGE (stage), out);
      else
        main_label (out, _("No candidate aims yet"));
      return;
    }
  label = cg_chart_item_label (session, item->id);
  out->position = g_strdup_printf (item->kind == CG_ITEM_AIM ? _("Aim %s · %u of %u")
                                                             : _("Statement %s · %u of %u"),
                                   label, position + 1, n_rated (session, stage));
  main_label (out, item->text);
  if (item->kind == CG_ITEM_AIM && item->agreed)
    gtk_widget_add_css_class (body_label (out, _("✓ Agreed by the partners")),
                              "presentation-agreed");
  if (private_entry)
    private_notice (out);
  else
    gtk_widget_add_css_class (chart (out, session, CG_CHART_KIND_DOTS, item->id),
                              "presentation-dots");
}

static char *
talk_item_text (CgSession *session,
                guint      id)
{
  const CgItem *item = cg_session_lookup_item (session, id);
  g_autoptr (CgItemStats) st = cg_analysis_item (session, id);
  g_autofree char *label = cg_chart_item_label (session, id);
  g_autoptr (GString) s = g_string_new (NULL);

  if (item == NULL || st == NULL)
    return NULL;
  g_string_append_printf (s, "%s  %s — %s", label, item->text, cg_item_stats_label (st));
  for (guint i = 0; i < st->dissenters->len; i++)
    {
      const CgPartner *p =
        cg_session_lookup_partner (session, g_array_index (st->dissenters, guint, i));
      if (p != NULL)
        g_string_append_printf (s, i == 0 ? _("; stands apart: %s") : ", %s", p->name);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static char *
talk_task_text (CgSession *session,
                guint      id)
{
  const CgTask *task = cg_session_lookup_task (session, id);
  g_autoptr (CgTaskStats) st = cg_analysis_task (session, id);
  g_autofree char *flags = NULL;

  if (task == NULL || st == NULL)
    return NULL;
  flags = cg_role_matrix_flags_text (st);
  return g_strdup_printf ("%s — %s", task->text, flags);
}

/* Hidden stages give nothing away: their items are left out before the
 * list is cut, as on the Review page. */
/* The visible entries of @items, as the projector words them. */
static GPtrArray *
talk_item_texts (CgSession *session,
                 GArray    *items)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < items->len && texts->len < TALK_MAX; i++)
    {
      guint id = g_array_index (items, guint, i);
      char *text = cg_chart_item_visible (session, id) ? talk_item_text (session, id) : NULL;

      if (text != NULL)
        g_ptr_array_add (texts, text);
    }
  return texts;
}

static GPtrArray *
talk_task_texts (CgSession *session,
                 GArray    *tasks)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tasks->len && texts->len < TALK_MAX &&
                    cg_session_answers_visible (session, CG_STAGE_ROLES);
       i++)
    {
      char *text = talk_task_text (session, g_array_index (tasks, guint, i));

      if (text != NULL)
        g_ptr_array_add (texts, text);
    }
  return texts;
}

/* Divergent items, then what the room agrees is missing, then unclear
 * roles, as on the Review page. The screen holds TALK_MAX: each kind gets
 * its share first (so five findings do not push every unclear role off the
 * projector), then what is left goes in that order. */
static guint
add_talk_entries (CgSession             *session,
                  CgPresentationContent *out)
{
  g_autoptr (GArray) items = NULL;
  g_autoptr (GArray) tasks = NULL;
  g_autoptr (GArray) missing = cg_analysis_agreed_missing (session, 0);
  GPtrArray *kinds[3];
  guint take[3], room = TALK_MAX, added = 0;

  cg_analysis_talk_first (session, 0, &items, &tasks);
  kinds[0] = talk_item_texts (session, items);
  kinds[1] = talk_item_texts (session, missing);
  kinds[2] = talk_task_texts (session, tasks);
  for (guint k = 0; k < 3; k++)
    {
      take[k] = MIN (kinds[k]->len, TALK_MAX / 3);
      room -= take[k];
    }
  for (guint k = 0; k < 3; k++)
    {
      guint more = MIN (kinds[k]->len - take[k], room);

      take[k] += more;
      room -= more;
    }
  for (guint k = 0; k < 3; k++)
    {
      for (guint i = 0; i < take[k]; i++)
        body_label (out, g_ptr_array_index (kinds[k], i));
      added += take[k];
      g_ptr_array_unref (kinds[k]);
    }
  return added;
}

/* Since an earlier round: what moved most, as the Review page's section. */
static void
build_since (CgSession             *session,
             CgPresentationContent *out)
{
  g_autoptr (CgComparison) c = cg_compare_since (session);
  g_autoptr (GPtrArray) moved = cg_comparison_most_moved (c, 0);
  g_autofree char *title = cg_report_since_title (c);
  guint added = 0;

  main_label (out, title);
  for (guint i = 0; i < moved->len && added < TALK_MAX; i++)
    {
      const CgItemChange *ic = g_ptr_array_index (moved, i);
      g_autofree char *text = NULL;

      if (!cg_chart_item_visible (session, ic->after_id))
        continue;
      /* TRANSLATORS: an item, how it moved, and its consensus before → after */
      text = g_strdup_printf (_("%s — %s (consensus %.2f → %.2f)"), ic->text,
                              cg_movement_to_label (ic->movement), ic->before.consensus,
                              ic->after.consensus);
      body_label (out, text);
      added++;
    }
  if (added == 0)
    body_label (out, _("Nothing has moved by 0.10 or more since then."));
  body_label (out, _("A change in consensus of at least 0.10 counts as movement."));
}

static void
build_review (CgSession             *session,
              guint                  item,
              gboolean               private_entry,
              CgPresentationContent *out)
{
  static const char *const headings[] = {
    N_("Talk about these first"),
    N_("The five lessons"),
    N_("Who does what"),
  };
  guint since = cg_compare_get_earlier (session) != NULL ? 1 : 0;
  GtkWidget *widget;

  out->position = g_strdup_printf (_("%u of %u"), item + 1, (guint) N_REVIEW_ITEMS + since);
  /* Compared with an earlier round: "Since <date>" comes first, as on the page. */
  if (since && item == 0)
    {
      if (private_entry)
        private_notice (out);
      else
        build_since (session, out);
      return;
    }
  item -= since;
  main_label (out, _(headings[item]));
  if (private_entry)
    private_notice (out);
  else if (item == REVIEW_TALK && add_talk_entries (session, out) == 0)
    body_label (out, _("Nothing stands out yet: no divergent statements and no unclear roles "
                        "among the answers shown."));
  else if (item == REVIEW_RADAR)
    {
      widget = chart (out, session, CG_CHART_KIND_RADAR, 0);
      /* The radar fits the screen rather than scroll. */
      cg_chart_widget_set_shrink (CG_CHART_WIDGET (widget), TRUE);
      gtk_widget_set_vexpand (widget, TRUE);
    }
  else if (item == REVIEW_ROLES)
    chart (out, session, CG_CHART_KIND_ROLES, 0);
}

static void
build_roles (CgSession             *session,
             gboolean               private_entry,
             CgPresentationContent *out)
{
  main_label (out, _("Who does what"));
  if (private_entry)
    private_notice (out);
  else
    chart (out, session, CG_CHART_KIND_ROLES, 0);
}

static char *
charter_aims_text (CgSession *session)
{
  g_autoptr (GArray) aims = cg_charter_get_agreed_aims (session);
  g_autoptr (GString) s = g_string_new (NULL);

  for (guint i = 0; i < aims->len; i++)
    {
      const CgItem *aim = cg_session_lookup_item (session, g_array_index (aims, guint, i));

      if (aim != NULL)
        g_string_append_printf (s, "%s•  %s", s->len > 0 ? "\n" : "", aim->text);
    }
  if (s->len == 0)
    g_string_append (s, _("No aims have been marked agreed yet."));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Leads named from the partners' own claims: nothing while roles are hidden. */
static char *
charter_roles_text (CgSession *session)
{
  g_autoptr (GString) s = g_string_new (NULL);

  if (!cg_session_answers_visible (session, CG_STAGE_ROLES))
    return g_strdup (_("Shown once the role answers are revealed."));
  for (guint i = 0; i < cg_session_get_n_tasks (session); i++)
    {
      const CgTask *task = cg_session_get_task (session, i);
      const CgPartner *lead =
        cg_session_lookup_partner (session, cg_charter_get_accountable (session, task->id));

      g_string_append_printf (s, "%s•  %s: %s", s->len > 0 ? "\n" : "", task->text,
                              lead != NULL ? lead->name : _("lead still to agree"));
    }
  if (s->len == 0)
    g_string_append (s, _("No tasks listed yet."));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
build_charter (CgSession             *session,
               guint                  item,
               CgPresentationContent *out)
{
  static const CgCharterField fields[] = {
    CG_CHARTER_PURPOSE,
    0,
    0,
    CG_CHARTER_GROUND_RULES,
    CG_CHARTER_MEASURES,
    CG_CHARTER_LEARNING,
    CG_CHARTER_WORK_ON,
    CG_CHARTER_STILL_TO_RESOLVE,
  };
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;

  out->position = g_strdup_printf (_("%u of %u"), item + 1, (guint) N_CHARTER_ITEMS);
  if (item == CHARTER_PURPOSE)
    {
      title = cg_charter_dup_text (session, CG_CHARTER_TITLE);
      main_label (out, title);
      gtk_widget_add_css_class (body_label (out, cg_charter_field_get_title (CG_CHARTER_PURPOSE)),
                                "presentation-section");
    }
  else if (item == CHARTER_AIMS)
    main_label (out, _("Agreed aims"));
  else if (item == CHARTER_ROLES)
    main_label (out, _("Roles and responsibilities"));
  else
    main_label (out, cg_charter_field_get_title (fields[item]));

  if (item == CHARTER_AIMS)
    text = charter_aims_text (session);
  else if (item == CHARTER_ROLES)
    text = charter_roles_text (session);
  else
    text = cg_charter_dup_text (session, fields[item]);
  body_label (out, text);
  if (item == CHARTER_REVIEW)
    {
      g_autofree char *date = cg_charter_dup_text (session, CG_CHARTER_REVIEW_DATE);
      g_autofree char *line =
        g_strdup_printf ("%s: %s", cg_charter_field_get_title (CG_CHARTER_REVIEW_DATE), date);
      body_label (out, line);
    }
}

void
cg_presentation_content_build (CgSession             *session,
                               CgStage                stage,
                               guint                  item,
                               gboolean               private_entry,
                               CgPresentationContent *out)
{
  g_return_if_fail (CG_IS_SESSION (session));
  g_return_if_fail (stage < CG_N_STAGES);
  g_return_if_fail (out != NULL);

  out->widget = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (out->widget, "presentation-content");
  out->main_label = NULL;
  out->position = NULL;
  item = MIN (item, cg_presentation_count_items (session, stage) - 1);
  if (stage == CG_STAGE_SESSION)
    build_session (session, out);
  else if (stage == CG_STAGE_PARTNERS)
    build_partners (session, out);
  else if (CG_STAGE_IS_LESSON (stage) || stage == CG_STAGE_AIMS)
    build_rated (session, stage, item, private_entry, out);
  else if (stage == CG_STAGE_ROLES)
    build_roles (session, private_entry, out);
  else if (stage == CG_STAGE_REVIEW)
    build_review (session, item, private_entry, out);
  else
    build_charter (session, item, out);
}

void
cg_presentation_content_clear (CgPresentationContent *content)
{
  g_return_if_fail (content != NULL);

  content->widget = NULL;
  content->main_label = NULL;
  g_clear_pointer (&content->position, g_free);
}
