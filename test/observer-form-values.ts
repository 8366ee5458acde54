/** An observer as the web form posts it (every field a string), valid for an election on 2026-03-15 observed from 2026-02-13 to 2026-03-25. */
export const validObserverForm = {
  surname: "Müller",
  givenNames: "Anna Maria",
  cyrillicName: "",
  sex: "female",
  dateOfBirth: "1985-04-23",
  nationality: "DE",
  passportNumber: "C01X00T47",
  passportExpiresOn: "2031-06-30",
  role: "short_term_observer",
  arrivalOn: "2026-03-05",
  departureOn: "2026-03-16",
  email: "",
};
