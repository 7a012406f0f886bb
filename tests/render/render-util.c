/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "render-util.h"

static void
rate (CgSession      *s,
      const guint    *partners,
      guint           item,
      const CgRating *ratings,
      guint           n)
{
  for (guint i = 0; i < n; i++)
    cg_session_set_rating (s, partners[i], item, ratings[i]);
}

void
ru_fixture_four (RuFixture *f)
{
  static const CgRating agreed[] = { 4, 5, 5, 4 };
  static const CgRating divergent[] = { 1, 5, 4, CG_RATING_DONT_KNOW };
  static const CgRating partly[] = { 3, 3, 4, 5 };
  CgSession *s = cg_session_new ();

  f->session = s;
  f->partners[0] = cg_session_add_partner (s, "Alex Smith", "Social Services", "Social worker");
  f->partners[1] = cg_session_add_partner (s, "Priya Natarajan", "Riverside Surgery", "GP");
  f->partners[2] = cg_session_add_partner (s, "Sam Okafor", "Northfield School", "Head");
  f->partners[3] = cg_session_add_partner (s, "Jo Brown", "Housing", "Officer");
  f->lesson1[0] = cg_session_add_statement (s, 0, "We share a clear purpose.");
  f->lesson1[1] = cg_session_add_statement (s, 0, "Leadership is accepted by every partner.");
  f->lesson1[2] = cg_session_add_statement (s, 0, "Partnership is the right way to tackle this.");
  rate (s, f->partners, f->lesson1[0], agreed, 4);
  rate (s, f->partners, f->lesson1[1], divergent, 4);
  rate (s, f->partners, f->lesson1[2], partly, 4);
  for (guint l = 1; l < CG_N_LESSONS; l++)
    {
      guint id = cg_session_add_statement (s, l, "Information is shared openly between us.");
      CgRating r[] = { 1 + l % 5, 2 + l % 4, 5, 3 };

      rate (s, f->partners, id, r, 4);
    }
  f->aims[0] = cg_session_add_aim (s, "Fewer missed school days");
  f->aims[1] = cg_session_add_aim (s, "One plan for the family");
  f->tasks[0] = cg_session_add_task (s, "Lead the needs assessment");
  f->tasks[1] = cg_session_add_task (s, "Manage the pooled budget");
  cg_session_set_involvement (s, f->partners[0], f->tasks[0], CG_INVOLVEMENT_ACCOUNTABLE);
  cg_session_set_involvement (s, f->partners[1], f->tasks[0], CG_INVOLVEMENT_RESPONSIBLE);
  cg_session_set_involvement (s, f->partners[2], f->tasks[0], CG_INVOLVEMENT_CONSULTED);
  cg_session_set_involvement (s, f->partners[3], f->tasks[0], CG_INVOLVEMENT_INFORMED);
  cg_session_set_involvement (s, f->partners[0], f->tasks[1], CG_INVOLVEMENT_RESPONSIBLE);
  cg_session_set_involvement (s, f->partners[1], f->tasks[1], CG_INVOLVEMENT_NONE);
  for (guint p = 0; p < 4; p++)
    cg_session_set_believed_accountable (s, f->partners[p], f->tasks[0], f->partners[0]);
}

void
ru_fixture_twelve (RuFixture *f)
{
  static const char *const names[] = {
    "Dr Alexandra Montgomery-Fitzwilliam",
    "Bartholomew Okonkwo-Richardson",
    "Children and Families Social Work Team",
    "Riverside Community Mental Health Service",
    "Northfield Primary School Safeguarding Lead",
    "Housing Options Officer",
    "Citizens Advice Money and Debt Adviser",
    "Health Visitor (Eastern Locality)",
    "Voluntary Sector Family Support Worker",
    "Police Public Protection Unit",
    "Service User Representative",
    "Youth Offending Team Case Manager",
  };
  CgSession *s = cg_session_new ();

  f->session = s;
  for (guint i = 0; i < 12; i++)
    f->partners[i] = cg_session_add_partner (s, names[i], "An organisation with a long name",
                                             "A long professional role");
  f->lesson1[0] = cg_session_add_statement (s, 0,
                                            "Every partner understands and accepts the "
                                            "shared purpose of this partnership, and can say "
                                            "it in one sentence to the family it serves.");
  f->lesson1[1] = cg_session_add_statement (s, 0, "Leadership is accepted by every partner.");
  f->lesson1[2] = cg_session_add_statement (s, 0, "Partnership is the right approach.");
  for (guint i = 0; i < 12; i++)
    {
      cg_session_set_rating (s, f->partners[i], f->lesson1[0], CG_RATING_5);
      cg_session_set_rating (s, f->partners[i], f->lesson1[1], 1 + i % 5);
      cg_session_set_rating (s, f->partners[i], f->lesson1[2],
                             i % 3 == 0 ? CG_RATING_DONT_KNOW : 2 + i % 3);
    }
  for (guint l = 1; l < CG_N_LESSONS; l++)
    for (guint k = 0; k < 6; k++)
      {
        guint id = cg_session_add_statement (s, l,
                                             "Performance information is shared with "
                                             "every partner and is useful to all of them.");

        for (guint i = 0; i < 12; i++)
          cg_session_set_rating (s, f->partners[i], id, 1 + (i + k + l) % 5);
      }
  f->aims[0] = cg_session_add_aim (s, "Fewer missed school days");
  f->aims[1] = cg_session_add_aim (s, "One plan for the family");
  f->tasks[0] = cg_session_add_task (s, "Lead the needs assessment and write it up for the "
                                        "whole partnership within two weeks");
  f->tasks[1] = cg_session_add_task (s, "Chair the weekly meeting");
  for (guint i = 0; i < 12; i++)
    {
      cg_session_set_involvement (s, f->partners[i], f->tasks[0],
                                  i < 2 ? CG_INVOLVEMENT_ACCOUNTABLE : CG_INVOLVEMENT_CONSULTED);
      cg_session_set_involvement (s, f->partners[i], f->tasks[1], CG_INVOLVEMENT_INFORMED);
    }
}

void
ru_fixture_clear (RuFixture *f)
{
  g_clear_object (&f->session);
}

cairo_t *
ru_canvas_new (double       width,
               double       height,
               const CgRgb *bg)
{
  cairo_surface_t *surface = cairo_image_surface_create (
    CAIRO_FORMAT_RGB24, (int) width + 2 * RU_MARGIN, (int) height + 2 * RU_MARGIN);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  cg_rgb_set_source (cr, bg, 1.0);
  cairo_paint (cr);
  cairo_translate (cr, RU_MARGIN, RU_MARGIN);
  return cr;
}

void
ru_canvas_save (cairo_t    *cr,
                const char *name)
{
  const char *dir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *path = g_build_filename (dir != NULL ? dir : ".", name, NULL);

  cairo_surface_flush (cairo_get_target (cr));
  g_assert_cmpint (cairo_surface_write_to_png (cairo_get_target (cr), path), ==,
                   CAIRO_STATUS_SUCCESS);
}

static CgRgb
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 p = *(guint32 *) (data + y * stride + x * 4);
  CgRgb out = { ((p >> 16) & 0xff) / 255.0, ((p >> 8) & 0xff) / 255.0, (p & 0xff) / 255.0 };

  return out;
}

CgRgb
ru_pixel (cairo_t *cr,
          double   x,
          double   y)
{
  cairo_surface_t *surface = cairo_get_target (cr);

  cairo_surface_flush (surface);
  return pixel_at (surface, (int) floor (x) + RU_MARGIN, (int) floor (y) + RU_MARGIN);
}

gboolean
ru_rgb_near (const CgRgb *a,
             const CgRgb *b)
{
  return fabs (a->red - b->red) < 0.025 && fabs (a->green - b->green) < 0.025 &&
         fabs (a->blue - b->blue) < 0.025;
}

gboolean
ru_margin_is_background (cairo_t     *cr,
                         const CgRgb *bg)
{
  cairo_surface_t *surface = cairo_get_target (cr);
  int w = cairo_image_surface_get_width (surface);
  int h = cairo_image_surface_get_height (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        gboolean inside =
          x >= RU_MARGIN && x < w - RU_MARGIN && y >= RU_MARGIN && y < h - RU_MARGIN;
        CgRgb p;

        if (inside)
          continue;
        p = pixel_at (surface, x, y);
        if (!ru_rgb_near (&p, bg))
          {
            g_printerr ("pixel %d,%d (chart %d,%d) is not background\n", x, y, x - RU_MARGIN,
                        y - RU_MARGIN);
            return FALSE;
          }
      }
  return TRUE;
}

guint
ru_count_pixels (cairo_t      *cr,
                 const CgRect *rect,
                 const CgRgb  *colour,
                 gboolean      invert)
{
  guint n = 0;

  for (int y = (int) rect->y; y < (int) (rect->y + rect->height); y++)
    for (int x = (int) rect->x; x < (int) (rect->x + rect->width); x++)
      {
        CgRgb p = ru_pixel (cr, x, y);

        n += ru_rgb_near (&p, colour) != invert;
      }
  return n;
}
