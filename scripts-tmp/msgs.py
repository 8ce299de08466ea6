import json, sys
L = ['nl','en','ar','tr','ti','so','uk','fa','prs']
# Each entry: dotted key -> {lang: text}
M = {}
def add(key, **t):
    M[key] = t

# ---- API problems
add('admin.api.problems.unauthorized',
 nl='Geen geldige API-sleutel. Stuur de sleutel mee als Authorization: Bearer <sleutel>. Een ingetrokken sleutel werkt niet meer.',
 en='No valid API key. Send the key as Authorization: Bearer <key>. A revoked key no longer works.',
 ar='لا يوجد مفتاح API صالح. أرسل المفتاح بالشكل Authorization: Bearer <المفتاح>. المفتاح الملغى لا يعمل بعد الآن.',
 tr='Geçerli bir API anahtarı yok. Anahtarı Authorization: Bearer <anahtar> olarak gönderin. İptal edilmiş bir anahtar artık çalışmaz.',
 ti='ቅኑዕ API መፍትሕ የለን። መፍትሕ ከም Authorization: Bearer <መፍትሕ> ስደድ። ዝተሰረዘ መፍትሕ ድሕሪ ሕጂ ኣይሰርሕን።',
 so='Ma jiro fure API sax ah. U dir furaha sida Authorization: Bearer <fure>. Fure la joojiyay mar dambe ma shaqeeyo.',
 uk='Немає дійсного ключа API. Надішліть ключ як Authorization: Bearer <ключ>. Відкликаний ключ більше не працює.',
 fa='کلید API معتبر نیست. کلید را به شکل Authorization: Bearer <کلید> بفرستید. کلیدی که باطل شده دیگر کار نمی‌کند.',
 prs='کلید API معتبر نیست. کلید را به شکل Authorization: Bearer <کلید> بفرستید. کلیدی که لغو شده دیگر کار نمی‌کند.')
add('admin.api.problems.scope',
 nl='Deze sleutel mag dit niet doen. Maak in Beheer een sleutel voor dit soort gegevens.',
 en='This key may not do this. Make a key for this kind of data in Beheer.',
 ar='هذا المفتاح غير مسموح له بذلك. أنشئ في الإدارة مفتاحًا لهذا النوع من البيانات.',
 tr='Bu anahtarın buna izni yok. Yönetim bölümünde bu tür veriler için bir anahtar oluşturun.',
 ti='እዚ መፍትሕ እዚ ክገብሮ ኣይፍቀደሉን። ኣብ ምሕደራ ንዚ ዓይነት ሓበሬታ መፍትሕ ስራሕ።',
 so='Furahan uma oggola tan. Maamulka ka samee fure loogu talagalay nooca xogtan.',
 uk='Цей ключ не має на це права. Створіть у розділі керування ключ для такого виду даних.',
 fa='این کلید اجازهٔ این کار را ندارد. در بخش مدیریت برای این نوع داده کلیدی بسازید.',
 prs='این کلید اجازهٔ این کار را ندارد. در بخش مدیریت برای این نوع معلومات کلیدی بسازید.')
add('admin.api.problems.rateLimited',
 nl='Te veel verzoeken. Wacht het aantal seconden uit Retry-After en probeer het dan opnieuw.',
 en='Too many requests. Wait the number of seconds in Retry-After, then try again.',
 ar='طلبات كثيرة جدًا. انتظر عدد الثواني المذكور في Retry-After ثم حاول مرة أخرى.',
 tr='Çok fazla istek. Retry-After içindeki saniye kadar bekleyin ve sonra yeniden deneyin.',
 ti='ብዙሕ ሕቶታት። ኣብ Retry-After ዘሎ ቍጽሪ ሰከንድ ተጸበ፡ ድሕሪኡ ደጊምካ ፈትን።',
 so='Codsiyo aad u badan. Sug tirada ilbiriqsiyada ku jirta Retry-After, kadibna isku day mar kale.',
 uk='Забагато запитів. Зачекайте стільки секунд, скільки вказано в Retry-After, і спробуйте знову.',
 fa='درخواست‌ها زیاد است. به اندازهٔ ثانیه‌های Retry-After صبر کنید و دوباره امتحان کنید.',
 prs='درخواست‌ها زیاد است. به اندازهٔ ثانیه‌های Retry-After صبر کنید و دوباره کوشش کنید.')
add('admin.api.problems.mediaType',
 nl='Stuur de gegevens als JSON (Content-Type: application/json).',
 en='Send the data as JSON (Content-Type: application/json).',
 ar='أرسل البيانات بصيغة JSON (Content-Type: application/json).',
 tr='Verileri JSON olarak gönderin (Content-Type: application/json).',
 ti='ሓበሬታ ብ JSON ስደድ (Content-Type: application/json)።',
 so='U dir xogta sida JSON (Content-Type: application/json).',
 uk='Надсилайте дані як JSON (Content-Type: application/json).',
 fa='داده‌ها را به شکل JSON بفرستید (Content-Type: application/json).',
 prs='معلومات را به شکل JSON بفرستید (Content-Type: application/json).')
add('admin.api.problems.tooLarge',
 nl='Het verzoek is te groot (meer dan 2 MB). Stuur de cliënten in kleinere delen.',
 en='The request is too large (over 2 MB). Send the clients in smaller parts.',
 ar='الطلب كبير جدًا (أكثر من 2 ميغابايت). أرسل العملاء على دفعات أصغر.',
 tr='İstek çok büyük (2 MB üzeri). Danışanları daha küçük parçalar halinde gönderin.',
 ti='እቲ ሕቶ ኣዝዩ ዓቢ እዩ (ልዕሊ 2 MB)። ዓማዊል ብንኣሽቱ ክፋላት ስደድ።',
 so='Codsigu aad buu u weyn yahay (in ka badan 2 MB). U dir macaamiisha qaybo yaryar.',
 uk='Запит завеликий (понад 2 МБ). Надсилайте клієнтів меншими частинами.',
 fa='درخواست خیلی بزرگ است (بیش از ۲ مگابایت). مراجعان را در بخش‌های کوچک‌تر بفرستید.',
 prs='درخواست خیلی بزرگ است (بیش از ۲ میگابایت). مراجعین را در بخش‌های کوچک‌تر بفرستید.')
add('admin.api.problems.invalid',
 nl='Er klopt iets niet in de gegevens. Er is niets opgeslagen. Bij elke fout staat welk veld het is.',
 en='Something in the data is not right. Nothing was saved. Each error names its field.',
 ar='هناك خطأ في البيانات. لم يُحفظ أي شيء. كل خطأ يذكر الحقل الذي يخصه.',
 tr='Verilerde bir sorun var. Hiçbir şey kaydedilmedi. Her hata hangi alanda olduğunu belirtir.',
 ti='ኣብቲ ሓበሬታ ዘይቅኑዕ ነገር ኣሎ። ዋላ ሓንቲ ኣይተዓቀበትን። ነፍሲ ወከፍ ጌጋ ናይ ኣየናይ ዓውዲ ምዃኑ ይገልጽ።',
 so='Wax khaldan ayaa ku jira xogta. Waxba lama kaydin. Khalad kasta wuxuu sheegayaa goobta uu ku jiro.',
 uk='У даних щось не так. Нічого не збережено. Біля кожної помилки вказано поле.',
 fa='چیزی در داده‌ها درست نیست. چیزی ذخیره نشد. کنار هر خطا نام فیلد آمده است.',
 prs='چیزی در معلومات درست نیست. چیزی ذخیره نشد. کنار هر اشتباه نام خانه آمده است.')
add('admin.api.problems.notFound',
 nl='Er is geen cliënt met dit nummer in de gemeente van deze sleutel.',
 en="There is no client with this number in this key's gemeente.",
 ar='لا يوجد عميل بهذا الرقم في البلدية التابعة لهذا المفتاح.',
 tr='Bu anahtarın belediyesinde bu numaraya sahip bir danışan yok.',
 ti='ኣብ ምምሕዳር ከተማ ናይዚ መፍትሕ ብዚ ቍጽሪ ዝኾነ ዓሚል የለን።',
 so='Ma jiro macmiil lambarkan leh oo ku jira dawladda hoose ee furahan.',
 uk='У громаді цього ключа немає клієнта з таким номером.',
 fa='در شهرداری این کلید مراجعی با این شماره نیست.',
 prs='در شاروالی این کلید مراجعی با این نمبر نیست.')
# ---- API field errors
add('admin.api.errors.duplicate',
 nl='Dit cliëntnummer staat twee keer in het verzoek.',
 en='This client number appears twice in the request.',
 ar='رقم العميل هذا موجود مرتين في الطلب.',
 tr='Bu danışan numarası istekte iki kez geçiyor.',
 ti='እዚ ቍጽሪ ዓሚል ኣብቲ ሕቶ ክልተ ግዜ ኣሎ።',
 so='Lambarkan macmiilka laba jeer ayuu ku jiraa codsiga.',
 uk='Цей номер клієнта трапляється в запиті двічі.',
 fa='این شمارهٔ مراجع دو بار در درخواست آمده است.',
 prs='این نمبر مراجع دو بار در درخواست آمده است.')
add('admin.api.errors.klantmanager',
 nl='Er is geen klantmanager met dit e-mailadres in Wegwijs.',
 en='There is no klantmanager with this e-mail address in Wegwijs.',
 ar='لا يوجد مدير حالة بهذا البريد الإلكتروني في Wegwijs.',
 tr="Wegwijs'te bu e-posta adresine sahip bir danışman yok.",
 ti='ኣብ Wegwijs ብዚ ኢመይል ዝኾነ ኣማኻሪ የለን።',
 so='Ma jiro lataliye macmiil oo leh cinwaankan iimaylka ee Wegwijs.',
 uk='У Wegwijs немає консультанта з такою адресою електронної пошти.',
 fa='در Wegwijs مشاوری با این ایمیل نیست.',
 prs='در Wegwijs مشاوری با این ایمیل نیست.')
add('admin.api.errors.language',
 nl='De gemeente biedt deze taal niet aan.',
 en='The gemeente does not offer this language.',
 ar='البلدية لا تقدم هذه اللغة.',
 tr='Belediye bu dili sunmuyor.',
 ti='ምምሕዳር ከተማ ነዚ ቋንቋ ኣየቕርቦን።',
 so='Dawladda hoose ma bixiso luqaddan.',
 uk='Громада не пропонує цю мову.',
 fa='شهرداری این زبان را ارائه نمی‌کند.',
 prs='شاروالی این زبان را ارائه نمی‌کند.')
add('admin.api.errors.otherGemeente',
 nl='Dit cliëntnummer hoort bij een cliënt van een andere gemeente. Deze sleutel mag die cliënt niet veranderen.',
 en="This client number belongs to a client of another gemeente. This key may not change that client.",
 ar='رقم العميل هذا يخص عميلًا في بلدية أخرى. لا يجوز لهذا المفتاح تغيير هذا العميل.',
 tr='Bu danışan numarası başka bir belediyenin danışanına ait. Bu anahtar o danışanı değiştiremez.',
 ti='እዚ ቍጽሪ ዓሚል ናይ ዓሚል ካልእ ምምሕዳር ከተማ እዩ። እዚ መፍትሕ ነቲ ዓሚል ክቕይሮ ኣይፍቀደሉን።',
 so='Lambarkan macmiilka wuxuu ka tirsan yahay macmiil dawlad hoose kale. Furahan uma oggola inuu beddelo macmiilkaas.',
 uk='Цей номер належить клієнтові іншої громади. Цей ключ не може змінювати цього клієнта.',
 fa='این شمارهٔ مراجع متعلق به مراجعِ شهرداری دیگری است. این کلید اجازهٔ تغییر آن مراجع را ندارد.',
 prs='این نمبر مراجع مربوط به مراجعِ شاروالی دیگری است. این کلید اجازهٔ تغییر آن مراجع را ندارد.')
add('admin.api.errors.unknownField',
 nl='Dit veld kennen we niet. Haal het weg of gebruik de naam uit de OpenAPI-beschrijving.',
 en='This field is not known. Remove it or use the name from the OpenAPI description.',
 ar='هذا الحقل غير معروف. احذفه أو استخدم الاسم الوارد في وصف OpenAPI.',
 tr='Bu alan bilinmiyor. Kaldırın ya da OpenAPI açıklamasındaki adı kullanın.',
 ti='እዚ ዓውዲ እዚ ኣይንፈልጦን። ኣልግሶ ወይ ካብ መግለጺ OpenAPI ዘሎ ስም ተጠቐም።',
 so='Goobtan lama yaqaan. Ka saar ama isticmaal magaca ku jira sharaxaadda OpenAPI.',
 uk='Це поле невідоме. Приберіть його або використайте назву з опису OpenAPI.',
 fa='این فیلد شناخته نیست. آن را بردارید یا نامی را که در توضیح OpenAPI آمده به کار ببرید.',
 prs='این خانه شناخته نیست. آن را بردارید یا نامی را که در توضیح OpenAPI آمده استفاده کنید.')
add('admin.api.errors.json',
 nl='Dit is geen geldige JSON.',
 en='This is not valid JSON.',
 ar='هذا ليس JSON صالحًا.',
 tr='Bu geçerli bir JSON değil.',
 ti='እዚ ቅኑዕ JSON ኣይኮነን።',
 so='Tani ma aha JSON sax ah.',
 uk='Це не коректний JSON.',
 fa='این JSON معتبر نیست.',
 prs='این JSON معتبر نیست.')
add('admin.api.errors.outcome_missing',
 nl='Er loopt nog hulp op deze datum. Geef aan hoe die is afgelopen (outcome).',
 en='Help is still running on this date. Say how it ended (outcome).',
 ar='ما زالت هناك مساعدة جارية في هذا التاريخ. اذكر كيف انتهت (outcome).',
 tr='Bu tarihte hâlâ devam eden bir destek var. Nasıl sonuçlandığını belirtin (outcome).',
 ti='ኣብዚ ዕለት እዚ ገና ዝቕጽል ሓገዝ ኣሎ። ብኸመይ ከም ዝተዛዘመ ግለጽ (outcome)።',
 so='Taageero ayaa weli socota taariikhdan. Sheeg sida ay ku dhammaatay (outcome).',
 uk='На цю дату ще триває допомога. Вкажіть, чим вона завершилася (outcome).',
 fa='در این تاریخ هنوز کمکی در جریان است. بگویید چطور تمام شد (outcome).',
 prs='در این تاریخ هنوز کمکی جریان دارد. بگویید چطور ختم شد (outcome).')
add('admin.api.errors.already_registered',
 nl='Voor deze uitkering is al een andere uitstroom vastgelegd.',
 en='Another outflow is already recorded for this benefit.',
 ar='تم تسجيل خروج آخر من هذه الإعانة من قبل.',
 tr='Bu yardım için başka bir çıkış zaten kayıtlı.',
 ti='ነዚ ሓገዝ እዚ ካልእ ምውጻእ ድሮ ተመዝጊቡ ኣሎ።',
 so='Ka bixitaan kale ayaa horay loogu diiwaangeliyay gargaarkan.',
 uk='Для цієї виплати вже записано інше припинення.',
 fa='برای این کمک‌هزینه قبلاً خروج دیگری ثبت شده است.',
 prs='برای این کمک‌هزینه قبلاً خروج دیگری ثبت شده است.')
add('admin.api.errors.before_benefit_start',
 nl='Deze datum ligt voor het begin van de uitkering.',
 en='This date is before the start of the benefit.',
 ar='هذا التاريخ قبل بداية الإعانة.',
 tr='Bu tarih yardımın başlangıcından önce.',
 ti='እዚ ዕለት እዚ ቅድሚ መጀመርታ ሓገዝ እዩ።',
 so='Taariikhdani waa ka hor bilowga gargaarka.',
 uk='Ця дата раніша за початок виплати.',
 fa='این تاریخ پیش از شروع کمک‌هزینه است.',
 prs='این تاریخ پیش از شروع کمک‌هزینه است.')
add('admin.api.errors.in_future',
 nl='Deze datum ligt in de toekomst.',
 en='This date is in the future.',
 ar='هذا التاريخ في المستقبل.',
 tr='Bu tarih gelecekte.',
 ti='እዚ ዕለት እዚ ኣብ መጻኢ እዩ።',
 so='Taariikhdani waa mustaqbalka.',
 uk='Ця дата в майбутньому.',
 fa='این تاریخ در آینده است.',
 prs='این تاریخ در آینده است.')
# ---- Beheer: API keys (staff screens; written in plain words)
add('admin.apiKeys.title', nl='API-sleutels voor het uitkeringssysteem', en='API keys for the benefit system',
 ar='مفاتيح API لنظام الإعانات', tr='Yardım sistemi için API anahtarları', ti='API መፍትሕታት ንስርዓት ሓገዝ',
 so='Furayaasha API ee nidaamka gargaarka', uk='Ключі API для системи виплат', fa='کلیدهای API برای سامانهٔ کمک‌هزینه', prs='کلیدهای API برای سیستم کمک‌هزینه')
add('admin.apiKeys.intro',
 nl='Met een API-sleutel stuurt het uitkeringssysteem elke nacht cliënten of uitstroom naar Wegwijs. Een sleutel hoort bij één gemeente en mag één ding. Hoe het werkt staat in docs/API.md.',
 en='With an API key the benefit system sends clients or outflow to Wegwijs every night. A key belongs to one gemeente and may do one thing. How it works is in docs/API.md.',
 ar='بمفتاح API يرسل نظام الإعانات كل ليلة العملاء أو حالات الخروج إلى Wegwijs. كل مفتاح يخص بلدية واحدة ويُسمح له بشيء واحد. طريقة العمل موجودة في docs/API.md.',
 tr="Yardım sistemi, bir API anahtarıyla her gece danışanları veya çıkışları Wegwijs'e gönderir. Bir anahtar tek bir belediyeye aittir ve tek bir şey yapabilir. Nasıl çalıştığı docs/API.md dosyasında.",
 ti='ብ API መፍትሕ ስርዓት ሓገዝ ኣብ ነፍሲ ወከፍ ለይቲ ዓማዊል ወይ ምውጻእ ናብ Wegwijs ይሰድድ። ሓደ መፍትሕ ናይ ሓደ ምምሕዳር ከተማ እዩ፡ ሓደ ነገር ጥራይ ክገብር ይፍቀደሉ። ብኸመይ ከም ዝሰርሕ ኣብ docs/API.md ኣሎ።',
 so='Fure API ayaa nidaamka gargaarku habeen kasta ugu diraa Wegwijs macaamiisha ama ka bixitaanka. Fure wuxuu ka tirsan yahay hal dawlad hoose wuxuuna sameyn karaa hal shay. Sida uu u shaqeeyo waxay ku qoran tahay docs/API.md.',
 uk='За допомогою ключа API система виплат щоночі надсилає до Wegwijs клієнтів або припинення виплат. Ключ належить одній громаді й дозволяє одну дію. Як це працює — у docs/API.md.',
 fa='سامانهٔ کمک‌هزینه با کلید API هر شب مراجعان یا خروج‌ها را به Wegwijs می‌فرستد. هر کلید مال یک شهرداری است و فقط یک کار را اجازه دارد. توضیح در docs/API.md است.',
 prs='سیستم کمک‌هزینه با کلید API هر شب مراجعین یا خروج‌ها را به Wegwijs می‌فرستد. هر کلید مربوط یک شاروالی است و فقط یک کار را اجازه دارد. توضیح در docs/API.md است.')
add('admin.apiKeys.newTitle', nl='Nieuwe sleutel', en='New key', ar='مفتاح جديد', tr='Yeni anahtar', ti='ሓድሽ መፍትሕ', so='Fure cusub', uk='Новий ключ', fa='کلید تازه', prs='کلید جدید')
add('admin.apiKeys.name', nl='Naam van de sleutel', en='Name of the key', ar='اسم المفتاح', tr='Anahtarın adı', ti='ስም መፍትሕ', so='Magaca furaha', uk='Назва ключа', fa='نام کلید', prs='نام کلید')
add('admin.apiKeys.nameHint', nl='Bijvoorbeeld: Suite4 nachtelijke koppeling.', en='For example: Suite4 nightly link.',
 ar='مثلًا: ربط Suite4 الليلي.', tr='Örneğin: Suite4 gece bağlantısı.', ti='ንኣብነት፡ Suite4 ናይ ለይቲ ምትእስሳር።', so='Tusaale: xiriirka habeenkii ee Suite4.', uk='Наприклад: нічне з’єднання Suite4.', fa='مثلاً: اتصال شبانهٔ Suite4.', prs='مثلاً: اتصال شبانهٔ Suite4.')
add('admin.apiKeys.gemeente', nl='Gemeente', en='Gemeente', ar='البلدية', tr='Belediye', ti='ምምሕዳር ከተማ', so='Dawladda hoose', uk='Громада', fa='شهرداری', prs='شاروالی')
add('admin.apiKeys.scope', nl='Mag', en='May', ar='مسموح له', tr='İzin', ti='ይፍቀደሉ', so='Waa u oggol yahay', uk='Дозволено', fa='اجازه', prs='اجازه')
add('admin.apiKeys.scopes.clients', nl='Cliënten bijwerken', en='Update clients', ar='تحديث العملاء', tr='Danışanları güncelleme', ti='ዓማዊል ምሕዳስ', so='Cusboonaysiinta macaamiisha', uk='Оновлювати клієнтів', fa='به‌روز کردن مراجعان', prs='تازه کردن مراجعین')
add('admin.apiKeys.scopes.outflow', nl='Uitstroom doorgeven', en='Report outflow', ar='الإبلاغ عن الخروج', tr='Çıkış bildirme', ti='ምውጻእ ምሕባር', so='Soo sheegidda ka bixitaanka', uk='Повідомляти про припинення', fa='اعلام خروج', prs='اطلاع دادن خروج')
add('admin.apiKeys.create', nl='Sleutel maken', en='Make key', ar='إنشاء مفتاح', tr='Anahtar oluştur', ti='መፍትሕ ስራሕ', so='Samee fure', uk='Створити ключ', fa='ساختن کلید', prs='ساختن کلید')
add('admin.apiKeys.shownOnce',
 nl='Dit is de nieuwe sleutel. Kopieer hem nu en bewaar hem veilig: Wegwijs laat hem niet nog een keer zien.',
 en='This is the new key. Copy it now and keep it safe: Wegwijs will not show it again.',
 ar='هذا هو المفتاح الجديد. انسخه الآن واحفظه في مكان آمن: لن يعرضه Wegwijs مرة أخرى.',
 tr='Bu yeni anahtar. Şimdi kopyalayın ve güvenli saklayın: Wegwijs onu bir daha göstermez.',
 ti='እዚ እቲ ሓድሽ መፍትሕ እዩ። ሕጂ ቅዳሕ ብውሑስ ኣቐምጦ፡ Wegwijs ደጊሙ ኣየርእዮን እዩ።',
 so='Kani waa furaha cusub. Hadda koobiyee oo si ammaan ah u kaydi: Wegwijs mar dambe ma tusi doono.',
 uk='Це новий ключ. Скопіюйте його зараз і збережіть надійно: Wegwijs більше його не покаже.',
 fa='این کلید تازه است. همین حالا آن را کپی کنید و جای امنی نگه دارید: Wegwijs دیگر آن را نشان نمی‌دهد.',
 prs='این کلید جدید است. همین حالا آن را کاپی کنید و جای امنی نگه دارید: Wegwijs دیگر آن را نشان نمی‌دهد.')
add('admin.apiKeys.listCaption', nl='Sleutels', en='Keys', ar='المفاتيح', tr='Anahtarlar', ti='መፍትሕታት', so='Furayaasha', uk='Ключі', fa='کلیدها', prs='کلیدها')
add('admin.apiKeys.prefix', nl='Begin van de sleutel', en='Start of the key', ar='بداية المفتاح', tr='Anahtarın başı', ti='መጀመርታ መፍትሕ', so='Bilowga furaha', uk='Початок ключа', fa='آغاز کلید', prs='آغاز کلید')
add('admin.apiKeys.createdAt', nl='Gemaakt', en='Made', ar='أُنشئ', tr='Oluşturuldu', ti='ዝተሰርሐሉ', so='La sameeyay', uk='Створено', fa='ساخته شده', prs='ساخته شده')
add('admin.apiKeys.lastUsed', nl='Laatst gebruikt', en='Last used', ar='آخر استخدام', tr='Son kullanım', ti='ናይ መወዳእታ ጥቕሚ', so='Markii ugu dambeysay la isticmaalay', uk='Востаннє використано', fa='آخرین استفاده', prs='آخرین استفاده')
add('admin.apiKeys.never', nl='Nog nooit', en='Never yet', ar='لم يُستخدم بعد', tr='Henüz hiç', ti='ገና ፈጺሙ', so='Weli marna', uk='Ще ніколи', fa='هنوز هرگز', prs='هنوز هرگز')
add('admin.apiKeys.status', nl='Stand', en='Status', ar='الحالة', tr='Durum', ti='ኩነታት', so='Xaalad', uk='Стан', fa='وضعیت', prs='وضعیت')
add('admin.apiKeys.active', nl='Werkt', en='Works', ar='يعمل', tr='Çalışıyor', ti='ይሰርሕ', so='Wuu shaqeeyaa', uk='Працює', fa='فعال', prs='فعال')
add('admin.apiKeys.revokedOn', nl='Ingetrokken op {{date}}', en='Revoked on {{date}}', ar='أُلغي في {{date}}', tr='{{date}} tarihinde iptal edildi', ti='ብ{{date}} ተሰሪዙ', so='La joojiyay {{date}}', uk='Відкликано {{date}}', fa='باطل شده در {{date}}', prs='لغو شده در {{date}}')
add('admin.apiKeys.revoke', nl='Intrekken: {{name}}', en='Revoke: {{name}}', ar='إلغاء: {{name}}', tr='İptal et: {{name}}', ti='ሰርዝ፡ {{name}}', so='Jooji: {{name}}', uk='Відкликати: {{name}}', fa='باطل کردن: {{name}}', prs='لغو کردن: {{name}}')
add('admin.apiKeys.revokeHint', nl='Een ingetrokken sleutel werkt meteen niet meer. Dat kun je niet terugdraaien.',
 en='A revoked key stops working at once. This cannot be undone.',
 ar='المفتاح الملغى يتوقف عن العمل فورًا. لا يمكن التراجع عن ذلك.',
 tr='İptal edilen anahtar hemen çalışmaz olur. Bu geri alınamaz.',
 ti='ዝተሰረዘ መፍትሕ ብኡንብኡ ምስራሕ የቋርጽ። ክምለስ ኣይክእልን።',
 so='Fure la joojiyay isla markiiba wuu joogsadaa. Dib looma celin karo.',
 uk='Відкликаний ключ одразу перестає працювати. Це не можна скасувати.',
 fa='کلید باطل‌شده فوراً از کار می‌افتد. این کار برگشت‌پذیر نیست.',
 prs='کلید لغوشده فوراً از کار می‌افتد. این کار برگشت ندارد.')
add('admin.apiKeys.revoked', nl='De sleutel is ingetrokken. Hij werkt niet meer.', en='The key is revoked. It no longer works.',
 ar='تم إلغاء المفتاح. لم يعد يعمل.', tr='Anahtar iptal edildi. Artık çalışmıyor.', ti='እቲ መፍትሕ ተሰሪዙ። ድሕሪ ሕጂ ኣይሰርሕን።', so='Furaha waa la joojiyay. Mar dambe ma shaqeeyo.', uk='Ключ відкликано. Він більше не працює.', fa='کلید باطل شد. دیگر کار نمی‌کند.', prs='کلید لغو شد. دیگر کار نمی‌کند.')
add('admin.apiKeys.none', nl='Er zijn nog geen sleutels.', en='There are no keys yet.', ar='لا توجد مفاتيح بعد.', tr='Henüz anahtar yok.', ti='ገና መፍትሕ የለን።', so='Weli furayaal ma jiraan.', uk='Ключів ще немає.', fa='هنوز کلیدی نیست.', prs='هنوز کلیدی نیست.')
add('admin.apiKeys.errors.gemeente', nl='Kies een gemeente.', en='Choose a gemeente.', ar='اختر بلدية.', tr='Bir belediye seçin.', ti='ምምሕዳር ከተማ ምረጽ።', so='Dooro dawlad hoose.', uk='Виберіть громаду.', fa='یک شهرداری انتخاب کنید.', prs='یک شاروالی انتخاب کنید.')
# ---- Beheer: retention
add('admin.retention.title', nl='Bewaartermijnen', en='Retention periods', ar='مدد الاحتفاظ بالبيانات', tr='Saklama süreleri', ti='ግዜ ዕቃበ ሓበሬታ', so='Muddooyinka kaydinta', uk='Строки зберігання', fa='مدت نگهداری', prs='مدت نگهداری')
add('admin.retention.intro',
 nl='Hier staat per gemeente hoe lang Wegwijs gegevens bewaart. Elke nacht haalt Wegwijs weg wat ouder is. Bij cliënten telt de termijn vanaf de dag van uitstroom.',
 en='Per gemeente, how long Wegwijs keeps data. Every night Wegwijs removes what is older. For clients the period counts from the day of outflow.',
 ar='هنا تجد لكل بلدية المدة التي يحتفظ فيها Wegwijs بالبيانات. كل ليلة يحذف Wegwijs ما هو أقدم. بالنسبة للعملاء تُحسب المدة من يوم الخروج.',
 tr="Burada her belediye için Wegwijs'in verileri ne kadar sakladığı yazar. Wegwijs her gece daha eski olanı siler. Danışanlar için süre çıkış gününden itibaren sayılır.",
 ti='ኣብዚ ንነፍሲ ወከፍ ምምሕዳር ከተማ Wegwijs ሓበሬታ ክንደይ ግዜ ከም ዝዕቅብ ኣሎ። ኣብ ነፍሲ ወከፍ ለይቲ Wegwijs ዝኣረገ የልግስ። ንዓማዊል እቲ ግዜ ካብ መዓልቲ ምውጻእ ይቍጸር።',
 so='Halkan waxaa ku qoran dawlad hoose kasta inta Wegwijs xogta kaydiyo. Habeen kasta Wegwijs wuxuu tirtiraa wixii ka da weyn. Macaamiisha muddada waxaa laga tiriyaa maalinta ka bixitaanka.',
 uk='Тут для кожної громади вказано, скільки Wegwijs зберігає дані. Щоночі Wegwijs видаляє старіше. Для клієнтів строк рахується від дня припинення виплати.',
 fa='اینجا برای هر شهرداری آمده که Wegwijs داده‌ها را چه مدت نگه می‌دارد. Wegwijs هر شب آنچه قدیمی‌تر است را پاک می‌کند. برای مراجعان مدت از روز خروج حساب می‌شود.',
 prs='اینجا برای هر شاروالی آمده که Wegwijs معلومات را چه مدت نگه می‌دارد. Wegwijs هر شب آنچه کهنه‌تر است را پاک می‌کند. برای مراجعین مدت از روز خروج حساب می‌شود.')
add('admin.retention.archivist',
 nl='De standaardtermijnen zijn een begin. Controleer ze met de archivaris van de dienst voordat je ze gebruikt.',
 en="The default periods are a starting point. Check them with the dienst's archivist before you rely on them.",
 ar='المدد الافتراضية مجرد بداية. راجعها مع أمين الأرشيف في الدائرة قبل استخدامها.',
 tr='Varsayılan süreler bir başlangıçtır. Kullanmadan önce kurumun arşiv sorumlusuyla kontrol edin.',
 ti='እቲ ልሙድ ግዜታት መጀመርታ ጥራይ እዩ። ቅድሚ ምጥቃምካ ምስ ኣርኪቪስት ናይቲ ቤት ጽሕፈት ኣረጋግጾ።',
 so='Muddooyinka caadiga ah waa bilow. La hubi kaydiyaha xafiiska ka hor intaadan isticmaalin.',
 uk='Типові строки — лише початок. Перш ніж покладатися на них, перевірте їх з архіваріусом служби.',
 fa='مدت‌های پیش‌فرض فقط یک شروع است. پیش از استفاده آن‌ها را با بایگان اداره بررسی کنید.',
 prs='مدت‌های پیش‌فرض فقط یک شروع است. پیش از استفاده آن‌ها را با آرشیف‌دار اداره بررسی کنید.')
K = {
 'client_file': dict(nl='Cliëntdossier: naam, gegevens en account', en='Client file: name, details and account', ar='ملف العميل: الاسم والبيانات والحساب', tr='Danışan dosyası: ad, bilgiler ve hesap', ti='ፋይል ዓሚል፡ ስም፡ ሓበሬታን ሕሳብን', so='Faylka macmiilka: magac, faahfaahin iyo akoon', uk='Справа клієнта: ім’я, дані й обліковий запис', fa='پروندهٔ مراجع: نام، اطلاعات و حساب', prs='دوسیهٔ مراجع: نام، معلومات و حساب'),
 'plans': dict(nl='Plannen', en='Plans', ar='الخطط', tr='Planlar', ti='መደባት', so='Qorshayaasha', uk='Плани', fa='برنامه‌ها', prs='پلان‌ها'),
 'appointments': dict(nl='Afspraken', en='Appointments', ar='المواعيد', tr='Randevular', ti='ቆጸራታት', so='Ballamaha', uk='Зустрічі', fa='قرارها', prs='ملاقات‌ها'),
 'messages': dict(nl='Berichten tussen cliënt en klantmanager', en='Messages between client and klantmanager', ar='الرسائل بين العميل ومدير الحالة', tr='Danışan ile danışman arasındaki mesajlar', ti='መልእኽትታት ኣብ መንጎ ዓሚልን ኣማኻሪን', so='Farriimaha u dhexeeya macmiilka iyo lataliyaha', uk='Повідомлення між клієнтом і консультантом', fa='پیام‌های میان مراجع و مشاور', prs='پیام‌های میان مراجع و مشاور'),
 'notifications': dict(nl='Meldingen', en='Notifications', ar='الإشعارات', tr='Bildirimler', ti='መፍለጥታት', so='Ogeysiisyada', uk='Сповіщення', fa='اعلان‌ها', prs='اطلاعیه‌ها'),
 'open_answers': dict(nl='Open antwoorden uit vragenlijsten', en='Open answers from surveys', ar='الإجابات المفتوحة من الاستبيانات', tr='Anketlerdeki açık yanıtlar', ti='ክፉት መልስታት ካብ ሕቶታት', so='Jawaabaha furan ee sahannada', uk='Відкриті відповіді з опитувань', fa='پاسخ‌های باز پرسش‌نامه‌ها', prs='جواب‌های باز پرسش‌نامه‌ها'),
 'sessions': dict(nl='Sessies (ingelogd zijn)', en='Sessions (being signed in)', ar='الجلسات (تسجيل الدخول)', tr='Oturumlar (giriş yapmış olma)', ti='ክፍለ ግዜታት (ኣትዩ ምህላው)', so='Fadhiyada (soo galid)', uk='Сеанси (вхід у систему)', fa='نشست‌ها (وارد بودن)', prs='نشست‌ها (وارد بودن)'),
 'idempotency': dict(nl='Kenmerken tegen dubbel versturen', en='Keys against sending twice', ar='رموز منع الإرسال المزدوج', tr='Çift göndermeye karşı anahtarlar', ti='ምልክታት ኣንጻር ክልተ ግዜ ምልኣኽ', so='Calaamadaha ka hortagga laba jeer dirid', uk='Позначки проти подвійного надсилання', fa='نشانه‌های جلوگیری از ارسال دوباره', prs='نشانه‌های جلوگیری از ارسال دوباره'),
}
for k, t in K.items(): add(f'admin.retention.kinds.{k}', **t)
FROM = {
 'outflow': dict(nl='dagen na uitstroom', en='days after outflow', ar='يومًا بعد الخروج', tr='çıkıştan sonra gün', ti='መዓልትታት ድሕሪ ምውጻእ', so='maalmood ka dib ka bixitaanka', uk='днів після припинення', fa='روز پس از خروج', prs='روز پس از خروج'),
 'made': dict(nl='dagen nadat ze zijn gemaakt', en='days after they were made', ar='يومًا بعد إنشائها', tr='oluşturulduktan sonra gün', ti='መዓልትታት ድሕሪ ምስራሖም', so='maalmood ka dib markii la sameeyay', uk='днів після створення', fa='روز پس از ساخته شدن', prs='روز پس از ساخته شدن'),
 'quarter': dict(nl='dagen na het einde van het kwartaal', en='days after the end of the quarter', ar='يومًا بعد نهاية الربع', tr='çeyreğin bitiminden sonra gün', ti='መዓልትታት ድሕሪ መወዳእታ ርብዒ ዓመት', so='maalmood ka dib dhammaadka rubuca', uk='днів після кінця кварталу', fa='روز پس از پایان فصل', prs='روز پس از ختم ربع'),
 'expired': dict(nl='dagen nadat ze zijn verlopen', en='days after they expired', ar='يومًا بعد انتهائها', tr='süresi dolduktan sonra gün', ti='መዓልትታት ድሕሪ ግዜኦም ምሕላፉ', so='maalmood ka dib markii ay dhaceen', uk='днів після закінчення', fa='روز پس از پایان اعتبار', prs='روز پس از ختم اعتبار'),
}
for k, t in FROM.items(): add(f'admin.retention.from.{k}', **t)
add('admin.retention.defaultDays', nl='Standaard: {{days}}', en='Default: {{days}}', ar='الافتراضي: {{days}}', tr='Varsayılan: {{days}}', ti='ልሙድ፡ {{days}}', so='Caadi: {{days}}', uk='Типово: {{days}}', fa='پیش‌فرض: {{days}}', prs='پیش‌فرض: {{days}}')
add('admin.retention.save', nl='Opslaan voor {{gemeente}}', en='Save for {{gemeente}}', ar='حفظ لـ {{gemeente}}', tr='{{gemeente}} için kaydet', ti='ን{{gemeente}} ዓቅብ', so='U kaydi {{gemeente}}', uk='Зберегти для {{gemeente}}', fa='ذخیره برای {{gemeente}}', prs='ذخیره برای {{gemeente}}')
add('admin.retention.saved', nl='De bewaartermijnen van {{gemeente}} zijn opgeslagen.', en='The retention periods of {{gemeente}} are saved.', ar='تم حفظ مدد الاحتفاظ الخاصة بـ {{gemeente}}.', tr='{{gemeente}} için saklama süreleri kaydedildi.', ti='ግዜ ዕቃበ ናይ {{gemeente}} ተዓቂቡ።', so='Muddooyinka kaydinta ee {{gemeente}} waa la kaydiyay.', uk='Строки зберігання для {{gemeente}} збережено.', fa='مدت‌های نگهداری {{gemeente}} ذخیره شد.', prs='مدت‌های نگهداری {{gemeente}} ذخیره شد.')
add('admin.retention.errors.range', nl='Vul een aantal dagen in van 1 tot 3650.', en='Enter a number of days from 1 to 3650.', ar='أدخل عدد أيام من 1 إلى 3650.', tr='1 ile 3650 arasında bir gün sayısı girin.', ti='ካብ 1 ክሳብ 3650 ቍጽሪ መዓልትታት ኣእቱ።', so='Geli tiro maalmood ah oo u dhexeysa 1 ilaa 3650.', uk='Введіть кількість днів від 1 до 3650.', fa='تعداد روزی بین ۱ تا ۳۶۵۰ وارد کنید.', prs='تعداد روزی بین ۱ تا ۳۶۵۰ وارد کنید.')
add('admin.retention.auditNote',
 nl='Het auditlog wordt niet opgeruimd: niemand kan het veranderen of inkorten. Bewaar een kopie volgens de afspraken met de archivaris.',
 en='The audit log is not cleaned up: nobody can change or shorten it. Keep a copy as agreed with the archivist.',
 ar='لا يُحذف شيء من سجل التدقيق: لا يمكن لأحد تغييره أو تقصيره. احتفظ بنسخة وفق الاتفاق مع أمين الأرشيف.',
 tr='Denetim kaydı temizlenmez: kimse onu değiştiremez veya kısaltamaz. Arşiv sorumlusuyla yapılan anlaşmaya göre bir kopyasını saklayın.',
 ti='መዝገብ ምርመራ ኣይጸሪን፡ ማንም ክቕይሮ ወይ ከሕጽሮ ኣይክእልን። ከም ምስ ኣርኪቪስት ዝተሰማማዕኩምዎ ቅዳሕ ዓቅቡ።',
 so='Diiwaanka hubinta lama nadiifiyo: qofna ma beddeli karo mana gaabin karo. Kaydi nuqul sida lagula heshiiyay kaydiyaha.',
 uk='Журнал аудиту не очищується: ніхто не може його змінити чи скоротити. Зберігайте копію за домовленістю з архіваріусом.',
 fa='گزارش ممیزی پاک نمی‌شود: هیچ‌کس نمی‌تواند آن را تغییر دهد یا کوتاه کند. طبق توافق با بایگان یک نسخه نگه دارید.',
 prs='گزارش بررسی پاک نمی‌شود: هیچ‌کس نمی‌تواند آن را تغییر دهد یا کوتاه کند. مطابق توافق با آرشیف‌دار یک نسخه نگه دارید.')
# ---- Client: their own data copy
add('profile.data.link', nl='Bekijk of download al je gegevens', en='See or download all your data', ar='اعرض جميع بياناتك أو نزّلها', tr='Tüm bilgilerinizi görün veya indirin', ti='ኩሉ ሓበሬታኻ ርአ ወይ ኣውርድ', so='Arag ama soo dejiso dhammaan xogtaada', uk='Переглянути або завантажити всі ваші дані', fa='همهٔ اطلاعات خود را ببینید یا دانلود کنید', prs='همهٔ معلومات خود را ببینید یا دانلود کنید')
add('profile.data.title', nl='Mijn gegevens', en='My data', ar='بياناتي', tr='Bilgilerim', ti='ሓበሬታይ', so='Xogtayda', uk='Мої дані', fa='اطلاعات من', prs='معلومات من')
add('profile.data.intro',
 nl='Hier staat alles wat Wegwijs over jou bewaart. Je mag dit altijd zien. Je kunt het printen of als bestand downloaden.',
 en='This is everything Wegwijs keeps about you. You may always see it. You can print it or download it as a file.',
 ar='هنا كل ما يحتفظ به Wegwijs عنك. يحق لك رؤيته دائمًا. يمكنك طباعته أو تنزيله كملف.',
 tr="Burada Wegwijs'in sizinle ilgili sakladığı her şey var. Bunu her zaman görebilirsiniz. Yazdırabilir veya dosya olarak indirebilirsiniz.",
 ti='ኣብዚ Wegwijs ብዛዕባኻ ዝዕቅቦ ኩሉ ኣሎ። ኩሉ ግዜ ክትርእዮ መሰል ኣለካ። ክተሕትሞ ወይ ከም ፋይል ከተውርዶ ትኽእል።',
 so='Halkan waxaa ku jira wax kasta oo Wegwijs kaa kaydiyo. Had iyo jeer waad arki kartaa. Waad daabici kartaa ama u soo dejisan kartaa fayl ahaan.',
 uk='Тут усе, що Wegwijs зберігає про вас. Ви завжди можете це переглянути. Можна надрукувати або завантажити як файл.',
 fa='اینجا همهٔ چیزهایی است که Wegwijs دربارهٔ شما نگه می‌دارد. همیشه حق دارید آن را ببینید. می‌توانید آن را چاپ کنید یا به شکل فایل دانلود کنید.',
 prs='اینجا همهٔ چیزهایی است که Wegwijs در مورد شما نگه می‌دارد. همیشه حق دارید آن را ببینید. می‌توانید آن را چاپ کنید یا به شکل فایل دانلود کنید.')
add('profile.data.download', nl='Download als bestand (JSON)', en='Download as a file (JSON)', ar='تنزيل كملف (JSON)', tr='Dosya olarak indir (JSON)', ti='ከም ፋይል ኣውርድ (JSON)', so='U soo dejiso fayl ahaan (JSON)', uk='Завантажити як файл (JSON)', fa='دانلود به شکل فایل (JSON)', prs='دانلود به شکل فایل (JSON)')
add('profile.data.print', nl='Printen', en='Print', ar='طباعة', tr='Yazdır', ti='ሕተም', so='Daabac', uk='Надрукувати', fa='چاپ', prs='چاپ')
add('profile.data.madeAt', nl='Gemaakt op {{date}}.', en='Made on {{date}}.', ar='أُعدّ في {{date}}.', tr='{{date}} tarihinde hazırlandı.', ti='ብ{{date}} ተዳልዩ።', so='La sameeyay {{date}}.', uk='Складено {{date}}.', fa='تهیه شده در {{date}}.', prs='تهیه شده در {{date}}.')
add('profile.data.none', nl='Hier bewaart Wegwijs niets over jou.', en='Wegwijs keeps nothing about you here.', ar='لا يحتفظ Wegwijs هنا بأي شيء عنك.', tr='Wegwijs burada sizinle ilgili hiçbir şey saklamıyor.', ti='Wegwijs ኣብዚ ብዛዕባኻ ዋላ ሓንቲ ኣይዕቅብን።', so='Wegwijs halkan waxba kaama kaydiyo.', uk='Тут Wegwijs нічого про вас не зберігає.', fa='Wegwijs اینجا چیزی دربارهٔ شما نگه نمی‌دارد.', prs='Wegwijs اینجا چیزی در مورد شما نگه نمی‌دارد.')
add('profile.data.rows_one', nl='{{count}} regel', en='{{count}} row', tr='{{count}} satır', ti='{{count}} መስመር', so='{{count}} saf', fa='{{count}} ردیف', prs='{{count}} ردیف')
add('profile.data.rows_other', nl='{{count}} regels', en='{{count}} rows', tr='{{count}} satır', ti='{{count}} መስመራት', so='{{count}} saf', fa='{{count}} ردیف', prs='{{count}} ردیف')
add('profile.data.anonymousNote',
 nl='Je antwoorden op vragenlijsten staan hier niet. Die bewaren we zonder je naam, dus niemand kan ze aan jou koppelen. Ook wij niet.',
 en='Your survey answers are not here. We keep them without your name, so nobody can link them to you. Not even us.',
 ar='إجاباتك على الاستبيانات ليست هنا. نحتفظ بها بدون اسمك، فلا يستطيع أحد ربطها بك، ولا نحن أيضًا.',
 tr='Anket yanıtlarınız burada yok. Onları adınız olmadan saklıyoruz, bu yüzden kimse onları sizinle ilişkilendiremez. Biz de.',
 ti='መልስታትካ ናይ ሕቶታት ኣብዚ የለን። ብዘይ ስምካ ኢና ንዕቅቦም፡ ስለዚ ማንም ምሳኻ ከራኽቦም ኣይክእልን። ንሕና እውን።',
 so='Jawaabahaaga sahannada halkan kuma jiraan. Waxaan u kaydinaa magacaaga la’aan, sidaa darteed qofna kuuguma xiri karo. Xataa annaga.',
 uk='Ваших відповідей на опитування тут немає. Ми зберігаємо їх без вашого імені, тож ніхто не може пов’язати їх із вами. Навіть ми.',
 fa='پاسخ‌های شما به پرسش‌نامه‌ها اینجا نیست. آن‌ها را بدون نام شما نگه می‌داریم، پس هیچ‌کس نمی‌تواند آن‌ها را به شما ربط دهد. حتی ما.',
 prs='جواب‌های شما به پرسش‌نامه‌ها اینجا نیست. آن‌ها را بدون نام شما نگه می‌داریم، پس هیچ‌کس نمی‌تواند آن‌ها را به شما ربط دهد. حتی ما.')
# Arabic plural forms (six) and Ukrainian (four)
for form, text in [('zero','لا توجد أسطر'),('one','سطر واحد'),('two','سطران'),('few','{{count}} أسطر'),('many','{{count}} سطرًا'),('other','{{count}} سطر')]:
    M.setdefault(f'profile.data.rows_{form}', {})['ar'] = text
for form, text in [('one','{{count}} рядок'),('few','{{count}} рядки'),('many','{{count}} рядків'),('other','{{count}} рядка')]:
    M.setdefault(f'profile.data.rows_{form}', {})['uk'] = text
G = {
 'person': dict(nl='Over jou', en='About you', ar='عنك', tr='Sizin hakkınızda', ti='ብዛዕባኻ', so='Adiga kugu saabsan', uk='Про вас', fa='دربارهٔ شما', prs='در مورد شما'),
 'benefit': dict(nl='Je uitkering en hulp', en='Your benefit and help', ar='إعانتك والمساعدة', tr='Yardımınız ve destek', ti='ሓገዝካን ደገፍካን', so='Gargaarkaaga iyo taageerada', uk='Ваша виплата й допомога', fa='کمک‌هزینه و کمک‌های شما', prs='کمک‌هزینه و کمک‌های شما'),
 'plans': dict(nl='Je plan', en='Your plan', ar='خطتك', tr='Planınız', ti='መደብካ', so='Qorshahaaga', uk='Ваш план', fa='برنامهٔ شما', prs='پلان شما'),
 'appointments': dict(nl='Afspraken en vragen', en='Appointments and requests', ar='المواعيد والطلبات', tr='Randevular ve istekler', ti='ቆጸራታትን ሕቶታትን', so='Ballamaha iyo codsiyada', uk='Зустрічі й запити', fa='قرارها و درخواست‌ها', prs='ملاقات‌ها و درخواست‌ها'),
 'messages': dict(nl='Berichten en meldingen', en='Messages and notifications', ar='الرسائل والإشعارات', tr='Mesajlar ve bildirimler', ti='መልእኽትታትን መፍለጥታትን', so='Farriimaha iyo ogeysiisyada', uk='Повідомлення та сповіщення', fa='پیام‌ها و اعلان‌ها', prs='پیام‌ها و اطلاعیه‌ها'),
 'surveys': dict(nl='Uitnodigingen voor vragenlijsten', en='Survey invitations', ar='دعوات الاستبيانات', tr='Anket davetleri', ti='ዕድመታት ሕቶታት', so='Martiqaadyada sahannada', uk='Запрошення до опитувань', fa='دعوت به پرسش‌نامه', prs='دعوت به پرسش‌نامه'),
 'signIn': dict(nl='Inloggen', en='Signing in', ar='تسجيل الدخول', tr='Giriş', ti='ምእታው', so='Soo galitaanka', uk='Вхід', fa='ورود', prs='ورود'),
 'audit': dict(nl='Wie jouw gegevens heeft bekeken of veranderd', en='Who looked at or changed your data', ar='من اطّلع على بياناتك أو غيّرها', tr='Bilgilerinize kim baktı veya değiştirdi', ti='መን ሓበሬታኻ ረአዩ ወይ ቀየሩ', so='Cidda eegtay ama beddeshay xogtaada', uk='Хто переглядав або змінював ваші дані', fa='چه کسی اطلاعات شما را دید یا تغییر داد', prs='چه کسی معلومات شما را دید یا تغییر داد'),
}
for k, t in G.items(): add(f'profile.data.groups.{k}', **t)
# ---- Audit labels
A = {
 'api_key.create': dict(nl='API-sleutel gemaakt', en='API key made', ar='تم إنشاء مفتاح API', tr='API anahtarı oluşturuldu', ti='API መፍትሕ ተሰሪሑ', so='Fure API ayaa la sameeyay', uk='Створено ключ API', fa='کلید API ساخته شد', prs='کلید API ساخته شد'),
 'api_key.revoke': dict(nl='API-sleutel ingetrokken', en='API key revoked', ar='تم إلغاء مفتاح API', tr='API anahtarı iptal edildi', ti='API መፍትሕ ተሰሪዙ', so='Fure API ayaa la joojiyay', uk='Відкликано ключ API', fa='کلید API باطل شد', prs='کلید API لغو شد'),
 'retention.terms': dict(nl='Bewaartermijnen gewijzigd', en='Retention periods changed', ar='تم تغيير مدد الاحتفاظ', tr='Saklama süreleri değiştirildi', ti='ግዜ ዕቃበ ተቐይሩ', so='Muddooyinka kaydinta waa la beddelay', uk='Змінено строки зберігання', fa='مدت‌های نگهداری تغییر کرد', prs='مدت‌های نگهداری تغییر کرد'),
 'retention.run': dict(nl='Oude gegevens opgeruimd', en='Old data removed', ar='تم حذف البيانات القديمة', tr='Eski veriler silindi', ti='ኣረጊት ሓበሬታ ተኣልዩ', so='Xogtii hore waa la tirtiray', uk='Видалено старі дані', fa='داده‌های قدیمی پاک شد', prs='معلومات کهنه پاک شد'),
 'client.export': dict(nl='Kopie van eigen gegevens gemaakt', en='Copy of own data made', ar='تم إعداد نسخة من البيانات الشخصية', tr='Kişisel verilerin kopyası oluşturuldu', ti='ቅዳሕ ናይ ውልቃዊ ሓበሬታ ተሰሪሑ', so='Nuqul xogta shakhsiga ah ayaa la sameeyay', uk='Створено копію власних даних', fa='نسخه‌ای از اطلاعات شخصی تهیه شد', prs='نسخه‌ای از معلومات شخصی تهیه شد'),
}
for k, t in A.items(): add(f'security.auditAction.{k}', **t)
# ---- Beheer links
add('admin.apiKeys.link', nl='API-sleutels', en='API keys', ar='مفاتيح API', tr='API anahtarları', ti='API መፍትሕታት', so='Furayaasha API', uk='Ключі API', fa='کلیدهای API', prs='کلیدهای API')

if __name__ == '__main__':
    import collections
    root = sys.argv[1]
    for lang in L:
        path = f'{root}/messages/{lang}.json'
        d = json.load(open(path), object_pairs_hook=collections.OrderedDict)
        for key, texts in M.items():
            if lang not in texts:
                continue
            parts = key.split('.')
            cur = d
            for p in parts[:-1]:
                cur = cur.setdefault(p, collections.OrderedDict())
            cur[parts[-1]] = texts[lang]
        with open(path, 'w') as fh:
            json.dump(d, fh, ensure_ascii=False, indent='\t')
            fh.write('\n')
    # Report keys missing for a language
    for key, texts in M.items():
        miss = [l for l in L if l not in texts]
        if miss and not key.startswith('profile.data.rows_'): print('missing', key, miss)
