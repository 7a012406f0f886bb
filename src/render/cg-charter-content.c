/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-charter"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>

#include "cg-analysis.h"
#include "cg-charter-content.h"
#include "cg-compare.h"

const char *
cg_charter_field_get_title (CgCharterField field)
{
  switch (field)
    {
    case CG_CHARTER_TITLE: return _("Title");
    case CG_CHARTER_PURPOSE: return _("Purpose");
    case CG_CHARTER_GROUND_RULES: return _("Ground rules");
    case CG_CHARTER_MEASURES: return _("Performance measures and milestones");
    case CG_CHARTER_REVIEW_DATE: return _("Review date");
    case CG_CHARTER_LEARNING: return _("Review and learning");
    case CG_CHARTER_STILL_TO_RESOLVE: return _("Still to resolve");
    case CG_CHARTER_WORK_ON: return _("What we will work on");
    case CG_N_CHARTER_FIELDS:
    default: g_return_val_if_reached ("");
    }
}

/* The first @n names of @partner_ids, the last of them after @last_sep. */
static void
append_names (GString      *out,
              CgSession    *session,
              const GArray *partner_ids,
              guint         n,
              const char   *last_sep)
{
  for (guint i = 0; i < n; i++)
    {
      const CgPartner *partner =
        cg_session_lookup_partner (session, g_array_index (partner_ids, guint, i));

      if (i > 0)
        g_string_append (out, i + 1 == n ? last_sep : ", ");
      g_string_append (out, partner != NULL ? partner->name : "?");
    }
}

char *
cg_charter_join_partner_names_max (CgSession    *session,
                                   const GArray *partner_ids,
                                   guint         max)
{
  g_autoptr (GString) out = g_string_new (NULL);
  guint n = partner_ids != NULL ? partner_ids->len : 0;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  if (n <= max)
    return cg_charter_join_partner_names (session, partner_ids);
  append_names (out, session, partner_ids, max, ", ");
  /* TRANSLATORS: the first few names of a list, then how many more there are */
  return g_strdup_printf (
    g_dngettext (GETTEXT_PACKAGE, "%s and %u other", "%s and %u others", n - max), out->str,
    n - max);
}

char *
cg_charter_join_partner_names (CgSession    *session,
                               const GArray *partner_ids)
{
  g_autoptr (GString) out = g_string_new (NULL);

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  append_names (out, session, partner_ids, partner_ids != NULL ? partner_ids->len : 0, _(" and "));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Agreed aims --------------------------------------------------------------- */

typedef struct
{
  guint id;
  guint position;
  double mean;
} RankedAim;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const RankedAim *x = a, *y = b;
  gboolean x_nan = isnan (x->mean), y_nan = isnan (y->mean);

  if (x_nan != y_nan)
    return x_nan ? 1 : -1;
  if (!x_nan && x->mean != y->mean)
    return x->mean > y->mean ? -1 : 1;
  return x->position < y->position ? -1 : (x->position > y->position ? 1 : 0);
}

GArray *
cg_charter_get_agreed_aims (CgSession *session)
{
  g_autoptr (GArray) ranked = g_array_new (FALSE, FALSE, sizeof (RankedAim));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (CG_IS_SESSION (session), ids);
  for (guint i = 0; i < cg_session_get_n_aims (session); i++)
    {
      const CgItem *aim = cg_session_get_aim (session, i);
      g_autoptr (CgItemStats) stats = NULL;
      RankedAim r = { aim->id, i, NAN };

      if (!aim->agreed)
        continue;
      stats = cg_analysis_item (session, aim->id);
      if (stats != NULL && stats->n > 0)
        r.mean = stats->mean;
      g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len; i++)
    g_array_append_val (ids, g_array_index (ranked, RankedAim, i).id);
  return ids;
}

guint
cg_charter_get_accountable (CgSession *session,
                            guint      task_id)
{
  const CgTask *task;
  g_autoptr (CgTaskStats) stats = NULL;

  g_return_val_if_fail (CG_IS_SESSION (session), 0);
  task = cg_session_lookup_task (session, task_id);
  if (task == NULL)
    return 0;
  if (task->charter_accountable != 0 &&
      cg_session_lookup_partner (session, task->charter_accountable) != NULL)
    return task->charter_accountable;
  stats = cg_analysis_task (session, task_id);
  if (stats != NULL && stats->accountable->len == 1)
    return g_array_index (stats->accountable, guint, 0);
  return 0;
}

/* Generated text ------------------------------------------------------------ */

static char *
generate_title (CgSession *session)
{
  const char *title = cg_session_get_detail (session, CG_DETAIL_TITLE);

  return g_strdup (*title != '\0' ? title : _("Partnership charter"));
}

static char *
generate_purpose (CgSession *session)
{
  const char *context = cg_session_get_detail (session, CG_DETAIL_CONTEXT);

  if (*context != '\0')
    return g_strdup (context);
  return g_strdup (_("The partners named in this charter agree to work together towards the "
                      "aims below, to share the resources and responsibilities this needs, and "
                      "to review together how well the partnership is working."));
}

static char *
generate_ground_rules (void)
{
  return g_strjoin ("\n", _("We speak plainly and avoid professional jargon."),
                    _("Every partner has a chance to speak before a decision is taken."),
                    _("We respect each profession's knowledge and each organisation's limits."),
                    _("We share information openly and promptly, within the law."),
                    _("We raise disagreements early, in the meeting, not afterwards."), NULL);
}

static char *
generate_measures (void)
{
  return g_strjoin ("\n", _("Each agreed aim has one measure of progress every partner can see."),
                    _("A first milestone for each aim is set at the first partnership meeting."),
                    _("Performance information is shared with all partners before each meeting."),
                    NULL);
}

char *
cg_charter_format_date (const char *iso_date)
{
  int y = 0, m = 0, d = 0;
  g_autoptr (GDateTime) when = NULL;

  if (iso_date == NULL || sscanf (iso_date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  when = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (when == NULL)
    return NULL;
  /* TRANSLATORS: a date, e.g. "22 May 2027"; see g_date_time_format() */
  return g_date_time_format (when, _("%-d %B %Y"));
}

/* Six months after the workshop, the usual first review of a new partnership. */
static char *
generate_review_date (CgSession *session)
{
  const char *date = cg_session_get_detail (session, CG_DETAIL_DATE);
  int y = 0, m = 0, d = 0;
  g_autoptr (GDateTime) when = NULL;
  g_autoptr (GDateTime) review = NULL;

  if (sscanf (date, "%4d-%2d-%2d", &y, &m, &d) == 3)
    when = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (when == NULL)
    return g_strdup (_("To be agreed at the first partnership meeting."));
  review = g_date_time_add_months (when, 6);
  return g_date_time_format (review, _("%-d %B %Y"));
}

static char *
generate_learning (void)
{
  return g_strdup (_("At each review the partners look together at what has worked, what has "
                      "not and why; ask the people the partnership serves what difference it "
                      "has made; support their staff to build the skills of joint working; and "
                      "update this charter."));
}

static void
describe_item (CgSession *session,
               guint      item_id,
               GString   *out)
{
  const CgItem *item = cg_session_lookup_item (session, item_id);
  g_autoptr (CgItemStats) stats = cg_analysis_item (session, item_id);
  g_autofree char *dissenters = NULL;

  if (item == NULL || stats == NULL)
    return;
  /* A stage whose answers are still hidden gives nothing away here either. */
  if (!cg_session_answers_visible (
        session, item->kind == CG_ITEM_AIM ? CG_STAGE_AIMS : CG_STAGE_FOR_LESSON (item->lesson)))
    return;
  if (item->kind == CG_ITEM_AIM)
    {
      g_string_append_printf (out, _("Aim “%s”: partners differ on how important it is."),
                              item->text);
      g_string_append_c (out, '\n');
      return;
    }
  if (stats->dissenters->len > 0)
    dissenters = cg_charter_join_partner_names (session, stats->dissenters);
  if (dissenters != NULL)
    g_string_append_printf (
      out,
      /* TRANSLATORS: the third %s names the partners who see it
                             * differently ("Ann" or "Ann and Ben") */
      g_dngettext (GETTEXT_PACKAGE, "“%s” (%s): views diverge; %s sees it differently from most.",
                   "“%s” (%s): views diverge; %s see it differently from most.",
                   stats->dissenters->len),
      item->text, cg_lesson_get_title (item->lesson), dissenters);
  else
    g_string_append_printf (out, _("“%s” (%s): views diverge."), item->text,
                            cg_lesson_get_title (item->lesson));
  g_string_append_c (out, '\n');
}

/* A task's open questions, said plainly. A lead the facilitator settled
 * on the charter stage is no longer open; work nobody does still is. */
static void
describe_task (CgSession *session,
               guint      task_id,
               GString   *out)
{
  const CgTask *task = cg_session_lookup_task (session, task_id);
  g_autoptr (CgTaskStats) stats = cg_analysis_task (session, task_id);
  g_autoptr (GPtrArray) issues = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;
  gboolean settled;

  if (task == NULL || stats == NULL || !cg_session_answers_visible (session, CG_STAGE_ROLES))
    return;
  settled = task->charter_accountable != 0 &&
            cg_session_lookup_partner (session, task->charter_accountable) != NULL;
  if (!settled && stats->gap)
    g_ptr_array_add (issues, g_strdup (_("nobody has taken the lead (Accountable)")));
  if (!settled && stats->overlap)
    {
      g_autofree char *names = cg_charter_join_partner_names (session, stats->accountable);

      g_ptr_array_add (issues, g_strdup_printf (_("%s each claim the lead (Accountable)"), names));
    }
  if (!settled && stats->mismatch && !stats->gap && !stats->overlap)
    g_ptr_array_add (issues, g_strdup (_("partners expect different partners to lead")));
  if (stats->no_doer)
    g_ptr_array_add (issues, g_strdup (_("nobody has said they will do the work (Responsible)")));
  if (issues->len == 0)
    return;
  g_ptr_array_add (issues, NULL);
  joined = g_strjoinv ("; ", (char **) issues->pdata);
  g_string_append_printf (out, _("%s: %s."), task->text, joined);
  g_string_append_c (out, '\n');
}

/* Whether a stage with something to answer still hides its answers. */
static gboolean
any_hidden (CgSession *session)
{
  for (guint l = 0; l < CG_N_LESSONS; l++)
    if (cg_session_get_n_statements (session, l) > 0 &&
        !cg_session_answers_visible (session, CG_STAGE_FOR_LESSON (l)))
      return TRUE;
  return (cg_session_get_n_aims (session) > 0 &&
          !cg_session_answers_visible (session, CG_STAGE_AIMS)) ||
         (cg_session_get_n_tasks (session) > 0 &&
          !cg_session_answers_visible (session, CG_STAGE_ROLES));
}

/* With an earlier round to compare with: the unclear roles it had that
 * this round has cleared up ("Resolved since 20 November 2025: ..."). */
static void
describe_resolved_since (CgSession *session,
                         GString   *out)
{
  g_autoptr (CgComparison) since = cg_compare_since (session);
  g_autoptr (GPtrArray) resolved = NULL;
  g_autoptr (GString) list = g_string_new (NULL);
  g_autofree char *date = NULL;

  if (since == NULL || !cg_session_answers_visible (session, CG_STAGE_ROLES))
    return;
  resolved = cg_comparison_resolved_tasks (since);
  for (guint i = 0; i < resolved->len; i++)
    {
      const CgTaskChange *tc = g_ptr_array_index (resolved, i);
      g_autoptr (GPtrArray) flags = g_ptr_array_new ();
      g_autofree char *joined = NULL;

      for (guint f = 0; f < CG_N_TASK_FLAGS; f++)
        if (tc->resolved & (1u << f))
          g_ptr_array_add (flags, (gpointer) cg_task_flag_to_label (1u << f));
      g_ptr_array_add (flags, NULL);
      joined = g_strjoinv (", ", (char **) flags->pdata);
      g_string_append_printf (list, "%s%s (%s)", list->len > 0 ? "; " : "", tc->text, joined);
    }
  if (list->len == 0)
    return;
  date = cg_charter_format_date (since->before_date);
  /* TRANSLATORS: "Resolved since 20 November 2025: Chair the meeting (Overlap)." */
  g_string_append_printf (out, _("Resolved since %s: %s."),
                          date != NULL ? date : since->before_title, list->str);
  g_string_append_c (out, '\n');
}

static char *
generate_still_to_resolve (CgSession *session)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GString) since = g_string_new (NULL);
  g_autoptr (GArray) items = NULL;
  g_autoptr (GArray) tasks = NULL;

  cg_analysis_talk_first (session, 0, &items, &tasks);
  for (guint i = 0; items != NULL && i < items->len; i++)
    describe_item (session, g_array_index (items, guint, i), out);
  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    describe_task (session, g_array_index (tasks, guint, i), out);
  describe_resolved_since (session, since);
  if (since->len > 0)
    {
      g_string_truncate (since, since->len - 1);
      if (out->len == 0)
        g_string_append_printf (out, "%s\n",
                                _("Nothing was left open at the end of the workshop."));
      g_string_append (out, since->str);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }
  if (out->len == 0 && any_hidden (session))
    return g_strdup (_("Nothing is open among the answers revealed so far; some answers are "
                        "still hidden."));
  if (out->len == 0)
    return g_strdup (_("Nothing was left open at the end of the workshop."));
  g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* What the room agrees is not true yet: the partnership's areas for
 * development (as the Nuffield PAT and the Lisbon toolbox call them). */
static char *
generate_work_on (CgSession *session)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GArray) missing = cg_analysis_agreed_missing (session, 0);

  for (guint i = 0; i < missing->len; i++)
    {
      const CgItem *item = cg_session_lookup_item (session, g_array_index (missing, guint, i));

      if (item == NULL || !cg_session_answers_visible (session, CG_STAGE_FOR_LESSON (item->lesson)))
        continue;
      /* TRANSLATORS: a statement the partners agree is not true yet, then its lesson */
      g_string_append_printf (out, _("“%s” (%s): we agree this is not yet so."), item->text,
                              cg_lesson_get_title (item->lesson));
      g_string_append_c (out, '\n');
    }
  if (out->len == 0 && any_hidden (session))
    return g_strdup (_("Nothing the partners agree is missing among the answers revealed so "
                        "far; some answers are still hidden."));
  if (out->len == 0)
    return g_strdup (_("The partners found nothing they agree is missing."));
  g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
cg_charter_generate_text (CgSession     *session,
                          CgCharterField field)
{
  g_return_val_if_fail (CG_IS_SESSION (session), NULL);

  switch (field)
    {
    case CG_CHARTER_TITLE: return generate_title (session);
    case CG_CHARTER_PURPOSE: return generate_purpose (session);
    case CG_CHARTER_GROUND_RULES: return generate_ground_rules ();
    case CG_CHARTER_MEASURES: return generate_measures ();
    case CG_CHARTER_REVIEW_DATE: return generate_review_date (session);
    case CG_CHARTER_LEARNING: return generate_learning ();
    case CG_CHARTER_STILL_TO_RESOLVE: return generate_still_to_resolve (session);
    case CG_CHARTER_WORK_ON: return generate_work_on (session);
    case CG_N_CHARTER_FIELDS:
    default: g_return_val_if_reached (NULL);
    }
}

char *
cg_charter_dup_text (CgSession     *session,
                     CgCharterField field)
{
  const char *own;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  g_return_val_if_fail (field < CG_N_CHARTER_FIELDS, NULL);
  own = cg_session_get_charter_field (session, field);
  return own != NULL ? g_strdup (own) : cg_charter_generate_text (session, field);
}
