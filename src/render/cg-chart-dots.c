/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "cg-chart-dots"
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "cg-chart-dots.h"
#include "cg-chart-items.h"

#define LABEL_SCALE 0.8
#define FOOTER_SCALE 0.85
#define HIDDEN_TEXT N_("Answers are hidden until you reveal them on that stage.")

typedef struct
{
  double scale; /* font scale, 1 = style's base size */
  double px;    /* base font size at this scale */
  double pad;
  double title_h;
  CgRect badge;
  double dots_top;
  double dot_r, step_x, step_y;
  guint cols, rows;
  double axis_y, x0, spacing;
  double labels_y, labels_h;
  double footer_y, footer_h;
  int squeeze; /* 0 = everything; 1 no footer; 2 one-line title; 3 bare ticks */
  double height;
  gboolean visible;
  double offset_y; /* centres the content in a taller box */
  guint counts[CG_RATING_MAX + 1];
} Layout;

static char *
title_text (CgSession    *session,
            const CgItem *item)
{
  g_autofree char *label = cg_chart_item_label (session, item->id);

  return g_strdup_printf ("%s  %s", label, item->text);
}

static char *
tick_text (const CgItem *item,
           guint         rating,
           int           squeeze)
{
  if (squeeze >= 3)
    return g_strdup_printf ("%u", rating);
  return g_strdup_printf ("%u\n%s", rating, cg_chart_scale_word (item->kind, rating));
}

static char *
footer_text (const CgItemStats *st)
{
  GString *s = g_string_new (NULL);

  if (st->n == 0)
    g_string_append (s, _("No answers on the scale yet"));
  else
    g_string_append_printf (s, _("▲ Mean %.1f from %u answers"), st->mean, st->n);
  if (st->n > 0 && st->indicative)
    g_string_append (s, _(" (indicative only)"));
  if (st->n_dont_know > 0)
    g_string_append_printf (s, ngettext (" · %u don’t know", " · %u don’t know", st->n_dont_know),
                            st->n_dont_know);
  if (st->n_missing > 0)
    g_string_append_printf (s, ngettext (" · %u not answered", " · %u not answered", st->n_missing),
                            st->n_missing);
  return g_string_free (s, FALSE);
}

static void
count_ratings (CgSession    *session,
               const CgItem *item,
               guint         counts[CG_RATING_MAX + 1])
{
  for (guint r = 0; r <= CG_RATING_MAX; r++)
    counts[r] = 0;
  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      CgRating r =
        cg_session_get_rating (session, cg_session_get_partner (session, i)->id, item->id);

      if (r >= CG_RATING_1 && r <= CG_RATING_5)
        counts[r]++;
    }
}

static double
layout_height (cairo_t            *cr,
               const CgChartStyle *style,
               const char         *text,
               double              scale,
               gboolean            bold,
               double              width,
               int                 lines)
{
  g_autoptr (PangoLayout) layout =
    cg_chart_style_layout (cr, style, text, scale, bold, width, lines);
  double h;

  cg_render_layout_size (layout, NULL, &h);
  return h;
}

/* The scale and the dots below the title. */
static void
layout_scale (cairo_t            *cr,
              const CgChartStyle *style,
              const CgItem       *item,
              double              width,
              Layout             *l)
{
  guint max_count = 0;

  l->x0 = l->pad;
  l->spacing = (width - 2 * l->pad) / CG_RATING_MAX;
  l->dot_r = MAX (l->px * 0.85, 4.0);
  l->step_x = l->step_y = 2 * l->dot_r + MAX (1.0, l->px * 0.15);
  l->cols = MAX (1, (guint) floor (l->spacing * 0.9 / l->step_x));
  for (guint r = 1; r <= CG_RATING_MAX; r++)
    max_count = MAX (max_count, l->counts[r]);
  l->rows = MAX (1, (max_count + l->cols - 1) / l->cols);
  l->dots_top = l->badge.y + MAX (l->title_h, l->badge.height) + l->pad;
  if (l->visible)
    l->axis_y = l->dots_top + (l->rows - 1) * l->step_y + 2 * l->dot_r + l->pad * 0.5;
  else
    l->axis_y = l->dots_top +
                layout_height (cr, style, _(HIDDEN_TEXT), l->scale, FALSE, width - 2 * l->pad, 2) +
                l->pad;
  l->labels_y = l->axis_y + l->px * 0.9;
  l->labels_h = 0;
  for (guint r = 1; r <= CG_RATING_MAX; r++)
    {
      g_autofree char *t = tick_text (item, r, l->squeeze);

      l->labels_h = MAX (l->labels_h, layout_height (cr, style, t, l->scale * LABEL_SCALE, FALSE,
                                                     l->spacing - 4, 3));
    }
  l->footer_y = l->labels_y + l->labels_h + l->pad * 0.5;
}

static void
layout_compute (cairo_t            *cr,
                const CgChartStyle *style,
                CgSession          *session,
                const CgItem       *item,
                const CgItemStats  *st,
                double              width,
                double              scale,
                Layout             *l)
{
  g_autofree char *title = title_text (session, item);

  l->scale = scale;
  l->px = cg_chart_style_font_px (style, scale);
  l->pad = l->px * 0.5;
  l->visible = cg_chart_item_visible (session, item->id);
  count_ratings (session, item, l->counts);
  l->badge = (CgRect){ width - l->pad, l->pad, 0, 0 };
  if (l->visible)
    {
      cg_chart_draw_item_badge (cr, style, st, scale * 0.9, 0, 0, FALSE, &l->badge.width,
                                &l->badge.height);
      l->badge.x = width - l->pad - l->badge.width;
    }
  l->title_h = style->hide_item_title
                 ? 0
                 : layout_height (cr, style, title, scale, TRUE, l->badge.x - 2 * l->pad,
                                  l->squeeze >= 2 ? 1 : 3);
  layout_scale (cr, style, item, width, l);
  l->footer_h = l->visible && l->squeeze == 0
                  ? layout_height (cr, style, "X", scale * FOOTER_SCALE, FALSE, width, 1)
                  : 0;
  l->height = l->footer_y + l->footer_h + l->pad;
}

/* Shrinks the text towards the minimum size until the content fits; past
 * that, stacked dots close up (still each visible) rather than spill out. */
static void
layout_shrink (cairo_t            *cr,
               const CgChartStyle *style,
               CgSession          *session,
               const CgItem       *item,
               const CgItemStats  *st,
               double              width,
               double              height,
               int                 squeeze,
               Layout             *l)
{
  double min_scale = style->min_font_size / style->font_size;
  double scale = 1.0;

  l->squeeze = squeeze;
  layout_compute (cr, style, session, item, st, width, scale, l);
  for (int i = 0; i < 4 && l->height > height && scale > min_scale; i++)
    {
      scale = MAX (min_scale, scale * MAX (0.5, height / l->height));
      layout_compute (cr, style, session, item, st, width, scale, l);
    }
  if (l->height > height && l->rows > 1 && l->visible)
    {
      double excess = l->height - height;
      double step = MAX (l->dot_r * 0.6, l->step_y - excess / (l->rows - 1));
      double shift = (l->step_y - step) * (l->rows - 1);

      l->step_y = step;
      l->axis_y -= shift;
      l->labels_y -= shift;
      l->footer_y -= shift;
      l->height -= shift;
    }
}

/* Shrinks the text towards the minimum size until the content fits; past
 * that, stacked dots close up (still each visible), then the footer, the
 * title's second and third lines and the scale words go, in that order,
 * rather than spill out of the box. */
static void
layout_fit (cairo_t            *cr,
            const CgChartStyle *style,
            CgSession          *session,
            const CgItem       *item,
            const CgItemStats  *st,
            double              width,
            double              height,
            Layout             *l)
{
  for (int squeeze = 0; squeeze <= 3; squeeze++)
    {
      layout_shrink (cr, style, session, item, st, width, height, squeeze, l);
      if (l->height <= height)
        break;
    }
  l->offset_y = MAX (0.0, (height - l->height) / 2.0);
}

static void
dot_centre (const Layout *l,
            guint         rating,
            guint         index,
            double       *x,
            double       *y)
{
  guint row = index / l->cols;
  guint col = index % l->cols;
  guint in_row = MIN (l->cols, l->counts[rating] - row * l->cols);
  double tick = l->x0 + l->spacing * (rating - 0.5);

  *x = tick + (col - (in_row - 1) / 2.0) * l->step_x;
  *y = l->axis_y - l->pad * 0.5 - l->dot_r - row * l->step_y;
}

static void
draw_scale (cairo_t            *cr,
            const CgChartStyle *style,
            const CgItem       *item,
            const Layout       *l)
{
  cairo_save (cr);
  cg_rgb_set_source (cr, &style->muted, 1.0);
  cairo_set_line_width (cr, style->line_width);
  cairo_move_to (cr, l->x0, l->axis_y);
  cairo_line_to (cr, l->x0 + CG_RATING_MAX * l->spacing, l->axis_y);
  for (guint r = 1; r <= CG_RATING_MAX; r++)
    {
      double x = l->x0 + l->spacing * (r - 0.5);

      cairo_move_to (cr, x, l->axis_y - l->px * 0.3);
      cairo_line_to (cr, x, l->axis_y + l->px * 0.3);
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  for (guint r = 1; r <= CG_RATING_MAX; r++)
    {
      g_autofree char *t = tick_text (item, r, l->squeeze);
      g_autoptr (PangoLayout) layout =
        cg_chart_style_layout (cr, style, t, l->scale * LABEL_SCALE, FALSE, l->spacing - 4, 3);

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      cg_render_layout_show (cr, layout, l->x0 + l->spacing * (r - 1) + 2, l->labels_y, &style->fg);
    }
}

/* In high contrast the partner's colour is a thick ring on a disc of the
 * background, so the tag inside reads at full contrast whatever the colour,
 * and an outer ring in the text colour sets the dot off the background. */
static void
paint_disc (cairo_t            *cr,
            const CgChartStyle *style,
            const Layout       *l,
            const CgRgb        *fill,
            double              x,
            double              y)
{
  double ring = l->dot_r * 0.28;

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, l->dot_r, 0, 2 * G_PI);
  cg_rgb_set_source (cr, style->high_contrast ? &style->bg : fill, 1.0);
  cairo_fill_preserve (cr);
  /* A ring in the background colour keeps stacked dots apart. */
  cairo_set_line_width (cr, MAX (1.0, style->line_width * 0.8));
  cg_rgb_set_source (cr, style->high_contrast ? &style->fg : &style->bg, 1.0);
  cairo_stroke (cr);
  if (style->high_contrast)
    {
      cairo_arc (cr, x, y, l->dot_r - style->line_width * 0.4 - ring / 2, 0, 2 * G_PI);
      cairo_set_line_width (cr, ring);
      cg_rgb_set_source (cr, fill, 1.0);
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

#define TAG_REF_PX 20.0

/* A dot's tag, shaped once per cairo context at a reference size and
 * scaled to each dot: a report draws the same few hundred tags on every
 * item's chart, each at a slightly different size, and shaping every dot
 * anew was a third of a 200-partner report's time. The cache lives and
 * dies with @cr; it is dropped if it ever grows past a sane size. */
static PangoLayout *
tag_layout (cairo_t            *cr,
            const CgChartStyle *style,
            const char         *tag)
{
  static const cairo_user_data_key_t key;
  GHashTable *cache = cairo_get_user_data (cr, &key);
  g_autofree char *id = g_strdup_printf ("%s\n%s", style->font_family, tag);
  PangoLayout *layout;

  if (cache == NULL || g_hash_table_size (cache) > 4096)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
      if (cairo_set_user_data (cr, &key, cache, (cairo_destroy_func_t) g_hash_table_unref) !=
          CAIRO_STATUS_SUCCESS)
        {
          g_hash_table_unref (cache);
          return cg_render_layout_new (cr, style->font_family, TAG_REF_PX, TRUE, tag);
        }
    }
  layout = g_hash_table_lookup (cache, id);
  if (layout == NULL)
    {
      layout = cg_render_layout_new (cr, style->font_family, TAG_REF_PX, TRUE, tag);
      g_hash_table_insert (cache, g_steal_pointer (&id), layout);
    }
  return g_object_ref (layout);
}

static void
draw_dot (cairo_t            *cr,
          const CgChartStyle *style,
          const Layout       *l,
          const CgPartner    *p,
          const char         *tag,
          double              x,
          double              y)
{
  CgRgb fill = cg_chart_style_partner_colour (style, p);
  CgRgb ink = style->high_contrast ? style->fg : cg_rgb_text_on (&fill);
  g_autoptr (PangoLayout) layout = tag_layout (cr, style, tag);
  double tw, th, size, room = l->dot_r * (style->high_contrast ? 1.2 : 1.7);

  paint_disc (cr, style, l, &fill, x, y);

  /* The tag is the dot's textual twin; it shrinks to fit inside. */
  size = l->dot_r * (g_utf8_strlen (tag, -1) > 2 ? 0.8 : 1.0);
  cg_render_layout_size (layout, &tw, &th);
  size = MIN (size, room * TAG_REF_PX / MAX (tw, 1.0));
  cairo_save (cr);
  cairo_translate (cr, x - tw * size / TAG_REF_PX / 2, y - th * size / TAG_REF_PX / 2);
  cairo_scale (cr, size / TAG_REF_PX, size / TAG_REF_PX);
  cg_render_layout_show (cr, layout, 0, 0, &ink);
  cairo_restore (cr);
}

static void
draw_dots (cairo_t            *cr,
           const CgChartStyle *style,
           CgSession          *session,
           const CgItem       *item,
           const Layout       *l)
{
  g_auto (GStrv) tags = cg_chart_partner_tags (session);
  guint seen[CG_RATING_MAX + 1] = { 0 };

  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      const CgPartner *p = cg_session_get_partner (session, i);
      CgRating r = cg_session_get_rating (session, p->id, item->id);
      double x, y;

      if (r < CG_RATING_1 || r > CG_RATING_5)
        continue;
      dot_centre (l, r, seen[r]++, &x, &y);
      draw_dot (cr, style, l, p, tags[i], x, y);
    }
}

static void
draw_mean (cairo_t            *cr,
           const CgChartStyle *style,
           const CgItemStats  *st,
           const Layout       *l)
{
  double x, h = l->px * 0.6;

  if (st->n == 0 || isnan (st->mean))
    return;
  x = l->x0 + l->spacing * (st->mean - 0.5);
  cairo_save (cr);
  cairo_move_to (cr, x, l->axis_y + 1);
  cairo_line_to (cr, x + h * 0.6, l->axis_y + 1 + h);
  cairo_line_to (cr, x - h * 0.6, l->axis_y + 1 + h);
  cairo_close_path (cr);
  cg_rgb_set_source (cr, &style->fg, 1.0);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_text (cairo_t            *cr,
           const CgChartStyle *style,
           const char         *text,
           double              scale,
           gboolean            bold,
           double              x,
           double              y,
           double              width,
           int                 lines,
           const CgRgb        *colour)
{
  g_autoptr (PangoLayout) layout =
    cg_chart_style_layout (cr, style, text, scale, bold, width, lines);

  cg_render_layout_show (cr, layout, x, y, colour);
}

void
cg_chart_dots_draw (cairo_t            *cr,
                    double              width,
                    double              height,
                    CgSession          *session,
                    guint               item_id,
                    const CgChartStyle *style)
{
  const CgItem *item;
  g_autoptr (CgItemStats) st = NULL;
  g_autofree char *title = NULL;
  Layout l;

  g_return_if_fail (cr != NULL && style != NULL && CG_IS_SESSION (session));
  item = cg_session_lookup_item (session, item_id);
  st = cg_analysis_item (session, item_id);
  g_return_if_fail (item != NULL && st != NULL);

  layout_fit (cr, style, session, item, st, width, height, &l);
  title = title_text (session, item);
  cairo_save (cr);
  cairo_translate (cr, 0, l.offset_y);
  if (!style->hide_item_title)
    draw_text (cr, style, title, l.scale, TRUE, l.pad, l.pad, l.badge.x - 2 * l.pad,
               l.squeeze >= 2 ? 1 : 3, &style->fg);
  draw_scale (cr, style, item, &l);
  if (l.visible)
    {
      g_autofree char *footer = footer_text (st);

      cg_chart_draw_item_badge (cr, style, st, l.scale * 0.9, l.badge.x, l.badge.y, TRUE, NULL,
                                NULL);
      draw_dots (cr, style, session, item, &l);
      draw_mean (cr, style, st, &l);
      if (l.footer_h > 0)
        draw_text (cr, style, footer, l.scale * FOOTER_SCALE, FALSE, l.pad, l.footer_y,
                   width - 2 * l.pad, 1, &style->muted);
    }
  else
    draw_text (cr, style, _(HIDDEN_TEXT), l.scale, FALSE, l.pad, l.dots_top, width - 2 * l.pad, 2,
               &style->muted);
  cairo_restore (cr);
}

static gboolean
compute_for (cairo_t            *cr,
             double              width,
             double              height,
             CgSession          *session,
             guint               item_id,
             const CgChartStyle *style,
             Layout             *l)
{
  const CgItem *item = cg_session_lookup_item (session, item_id);
  g_autoptr (CgItemStats) st = cg_analysis_item (session, item_id);

  if (item == NULL || st == NULL)
    return FALSE;
  layout_fit (cr, style, session, item, st, width, height, l);
  return TRUE;
}

double
cg_chart_dots_get_height_for_width (CgSession          *session,
                                    guint               item_id,
                                    double              width,
                                    const CgChartStyle *style)
{
  cairo_t *cr;
  Layout l;
  gboolean ok;

  g_return_val_if_fail (CG_IS_SESSION (session) && style != NULL, 0);
  cr = cg_render_scratch_context_new ();
  ok = compute_for (cr, width, G_MAXDOUBLE, session, item_id, style, &l);
  cairo_destroy (cr);
  return ok ? ceil (l.height) : 0;
}

gboolean
cg_chart_dots_get_geometry (cairo_t            *cr,
                            double              width,
                            double              height,
                            CgSession          *session,
                            guint               item_id,
                            const CgChartStyle *style,
                            CgDotsGeometry     *out)
{
  Layout l;

  g_return_val_if_fail (cr != NULL && out != NULL && CG_IS_SESSION (session), FALSE);
  if (!compute_for (cr, width, height, session, item_id, style, &l))
    return FALSE;
  out->scale_x[0] = 0;
  for (guint r = 1; r <= CG_RATING_MAX; r++)
    out->scale_x[r] = l.x0 + l.spacing * (r - 0.5);
  out->axis_y = l.axis_y + l.offset_y;
  out->dot_radius = l.dot_r;
  out->badge = l.badge;
  out->badge.y += l.offset_y;
  out->height = l.height;
  return TRUE;
}

gboolean
cg_chart_dots_locate_partner (cairo_t            *cr,
                              double              width,
                              double              height,
                              CgSession          *session,
                              guint               item_id,
                              guint               partner_id,
                              const CgChartStyle *style,
                              double             *x,
                              double             *y)
{
  CgRating mine = cg_session_get_rating (session, partner_id, item_id);
  guint index = 0;
  Layout l;

  if (mine < CG_RATING_1 || mine > CG_RATING_5 ||
      !compute_for (cr, width, height, session, item_id, style, &l) || !l.visible)
    return FALSE;
  for (guint i = 0; i < cg_session_get_n_partners (session); i++)
    {
      guint id = cg_session_get_partner (session, i)->id;

      if (id == partner_id)
        break;
      index += cg_session_get_rating (session, id, item_id) == mine;
    }
  dot_centre (&l, mine, index, x, y);
  *y += l.offset_y;
  return TRUE;
}

static void
describe_answers (GString      *s,
                  CgSession    *session,
                  const CgItem *item)
{
  for (guint r = CG_RATING_1; r <= CG_RATING_DONT_KNOW; r++)
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();

      for (guint i = 0; i < cg_session_get_n_partners (session); i++)
        {
          const CgPartner *p = cg_session_get_partner (session, i);

          if (cg_session_get_rating (session, p->id, item->id) == r)
            g_ptr_array_add (names, p->name);
        }
      g_autofree char *joined = NULL;

      if (names->len == 0)
        continue;
      g_ptr_array_add (names, NULL);
      joined = g_strjoinv (", ", (char **) names->pdata);
      g_string_append_printf (
        s, " %s: %s.",
        r == CG_RATING_DONT_KNOW ? _("Don’t know") : cg_chart_scale_word (item->kind, r), joined);
    }
}

char *
cg_chart_dots_describe (CgSession *session,
                        guint      item_id)
{
  const CgItem *item;
  g_autoptr (CgItemStats) st = NULL;
  g_autofree char *label = NULL;
  GString *s;

  g_return_val_if_fail (CG_IS_SESSION (session), NULL);
  item = cg_session_lookup_item (session, item_id);
  st = cg_analysis_item (session, item_id);
  g_return_val_if_fail (item != NULL && st != NULL, NULL);

  label = cg_chart_item_label (session, item_id);
  s = g_string_new (NULL);
  g_string_append_printf (s, "%s %s. ", label, item->text);
  if (!cg_chart_item_visible (session, item_id))
    {
      g_string_append (s, _(HIDDEN_TEXT));
      return g_string_free (s, FALSE);
    }
  g_string_append_printf (s, "%s.", cg_item_stats_label (st));
  if (st->n > 0)
    g_string_append_printf (s, _(" Mean %.1f from %u answers."), st->mean, st->n);
  describe_answers (s, session, item);
  for (guint i = 0; st->dissenters != NULL && i < st->dissenters->len; i++)
    {
      const CgPartner *p =
        cg_session_lookup_partner (session, g_array_index (st->dissenters, guint, i));

      if (p != NULL)
        g_string_append_printf (s, _(" %s stands apart."), p->name);
    }
  return g_string_free (s, FALSE);
}
