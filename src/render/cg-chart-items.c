/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cg-chart-items.c: which items the charts draw, and their short names. */
#define G_LOG_DOMAIN "cg-chart-items"
#include "config.h"

#include <glib/gi18n-lib.h>

#include "cg-chart-items.h"

char *
cg_chart_item_label (CgSession *session,
                     guint      item_id)
{
  const CgItem *item = cg_session_lookup_item (session, item_id);
  int pos = cg_session_item_position (session, item_id);

  g_return_val_if_fail (item != NULL, NULL);
  if (item->kind == CG_ITEM_AIM)
    return g_strdup_printf (C_("aim label", "A%d"), pos + 1);
  return g_strdup_printf ("%u.%d", item->lesson + 1, pos + 1);
}

CgStage
cg_chart_item_stage (CgSession *session,
                     guint      item_id)
{
  const CgItem *item = cg_session_lookup_item (session, item_id);

  g_return_val_if_fail (item != NULL, CG_STAGE_AIMS);
  return item->kind == CG_ITEM_AIM ? CG_STAGE_AIMS : CG_STAGE_FOR_LESSON (item->lesson);
}

gboolean
cg_chart_item_visible (CgSession *session,
                       guint      item_id)
{
  return cg_session_answers_visible (session, cg_chart_item_stage (session, item_id));
}

GArray *
cg_chart_collect_items (CgSession *session,
                        guint      lesson,
                        gboolean   with_aims)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint l = 0; l < CG_N_LESSONS; l++)
    {
      if (lesson != CG_CHART_ALL_LESSONS && l != lesson)
        continue;
      for (guint i = 0; i < cg_session_get_n_statements (session, l); i++)
        g_array_append_val (ids, cg_session_get_statement (session, l, i)->id);
    }
  for (guint i = 0; with_aims && i < cg_session_get_n_aims (session); i++)
    g_array_append_val (ids, cg_session_get_aim (session, i)->id);
  return ids;
}

const char *
cg_chart_scale_word (CgItemKind kind,
                     guint      rating)
{
  static const char *const agreement[] = {
    NULL,         N_("Strongly disagree"), N_("Disagree"), N_("Neutral"),
    N_("Agree"), N_("Strongly agree"),
  };
  static const char *const importance[] = {
    NULL,
    N_("Not important"),
    N_("Slightly important"),
    N_("Important"),
    N_("Very important"),
    N_("Essential"),
  };

  g_return_val_if_fail (rating >= 1 && rating <= CG_RATING_MAX, "");
  return _(kind == CG_ITEM_AIM ? importance[rating] : agreement[rating]);
}
