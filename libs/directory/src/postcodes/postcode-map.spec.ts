import { Borough } from '@hub/vocabulary';
import { GpPracticeList } from './gp-practices';
import { PostcodeMap } from './postcode-map';
import { DistanceBand, PostcodeStatus } from './postcode-status';

describe('postcode to borough (config/postcodes.thamesmead.json)', () => {
  const map = PostcodeMap.read();

  it.each([
    ['se28 8hd', Borough.GREENWICH],
    ['DA18 4AA', Borough.BEXLEY],
    ['DA17 5AB', Borough.BEXLEY],
    ['DA8 1RQ', Borough.BEXLEY],
    ['SE2 9LH', Borough.BEXLEY],
  ])('puts %s in %s', (postcode, borough) => {
    expect(map.lookup(postcode)).toMatchObject({ status: PostcodeStatus.IN_BOROUGH, boroughs: [borough] });
  });

  it('says a postcode in a sector the boundary runs through is split, naming both boroughs', () => {
    expect(map.lookup('SE2 0XY')).toEqual({ postcode: 'SE2 0XY', status: PostcodeStatus.SPLIT, boroughs: [Borough.GREENWICH, Borough.BEXLEY] });
  });

  it('answers a pinned postcode inside a split sector with its one borough', () => {
    expect(map.lookup('se20rw')).toMatchObject({ status: PostcodeStatus.IN_BOROUGH, boroughs: [Borough.BEXLEY] });
  });

  it('says clearly when a postcode is outside the area', () => {
    expect(map.lookup('M1 1AE')).toEqual({ postcode: 'M1 1AE', status: PostcodeStatus.OUTSIDE_AREA, boroughs: [] });
  });

  it('bands distances between sector centres', () => {
    expect(map.distanceBand('SE2 9AA', 'SE2 9LH')).toBe(DistanceBand.UNDER_1_MILE);
    expect(map.distanceBand('SE28 8AA', 'DA8 1RQ')).toBe(DistanceBand.OVER_3_MILES);
    expect(map.distanceBand('M1 1AE', 'DA8 1RQ')).toBeNull();
  });

  it('finds GP practices by id or name, each with its borough', () => {
    const practices = GpPracticeList.read();
    expect(practices.find('Lakeside Health Centre')?.borough).toBe(Borough.BEXLEY);
    expect(practices.find('gallions-reach-health-centre')?.borough).toBe(Borough.GREENWICH);
    expect(practices.find('Nowhere Surgery')).toBeUndefined();
  });
});
